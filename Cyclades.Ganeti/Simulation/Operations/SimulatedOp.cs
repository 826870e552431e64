using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// One opcode the simulated cluster can run: its input as a job lists it, and what it does to the
/// cluster when the job runs. A refused or failed op throws <see cref="SimulatedOpFailure"/>.
/// </summary>
internal abstract class SimulatedOp
{
    /// <summary>e.g. <c>OP_INSTANCE_STARTUP</c>.</summary>
    public abstract string OpId { get; }

    public abstract string? InstanceName { get; }

    /// <summary>The RAPI resource that submits it (the reason trail names it), e.g. <c>instances_name_startup</c>.</summary>
    public abstract string RapiResource { get; }

    /// <summary>The CLI command an administrator would use, e.g. <c>shutdown</c> (of gnt-instance).</summary>
    public abstract string CliCommand { get; }

    public virtual GanetiBeParams? BeParams => null;

    /// <summary>Whether the job lists the op's <c>instance_name</c> (tags ops name their instance otherwise).</summary>
    protected virtual bool ListsInstanceName => true;

    /// <summary>The job's <c>depends</c>: jobs it waits for and the statuses they must end in.</summary>
    public virtual IReadOnlyList<(long JobId, IReadOnlyList<string> Statuses)> Dependencies => [];

    /// <summary>Running time beyond the usual job latency.</summary>
    public virtual TimeSpan ExtraRunTime(SimulatorOptions options) => TimeSpan.Zero;

    /// <summary>Input parameters other than <c>OP_ID</c>, <c>instance_name</c>, <c>beparams</c> and <c>reason</c>.</summary>
    protected abstract IEnumerable<KeyValuePair<string, JsonElement>> Parameters();

    public abstract SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now);

    /// <summary>As Ganeti summarizes it, e.g. <c>INSTANCE_STARTUP(snf-42)</c>.</summary>
    public string Summary => InstanceName is null ? OpId["OP_".Length..] : $"{OpId["OP_".Length..]}({InstanceName})";

    public GanetiOpCode ToOpCode(IReadOnlyList<GanetiReason> reason) => new()
    {
        OpId = OpId,
        InstanceName = ListsInstanceName ? InstanceName : null,
        BeParams = BeParams,
        Reason = reason,
        OtherParameters = Parameters().ToDictionary(),
    };

    protected static KeyValuePair<string, JsonElement> Parameter(string name, JsonElement value) => new(name, value);

    protected static SimulatedInstance RequireInstance(SimulatedClusterState state, string name) =>
        state.FindInstance(name) ?? throw SimulatedOpFailure.Prerequisite($"Instance '{name}' not known", GanetiErrorCodes.UnknownEntity);
}

/// <param name="Result">The op's <c>opresult</c> entry.</param>
/// <param name="Log">Messages for the op's log.</param>
internal sealed record SimulatedOpResult(JsonElement Result, IReadOnlyList<string> Log)
{
    public static SimulatedOpResult Empty { get; } = new(SimulatedJson.Null, []);
}

/// <summary>An op that failed, with the error Ganeti would report for it.</summary>
internal sealed class SimulatedOpFailure(GanetiJobError error) : Exception(error.ToString())
{
    public GanetiJobError Error { get; } = error;

    public static SimulatedOpFailure Prerequisite(string message, string code) => new(new GanetiOpPrereqError(message, code));

    public static SimulatedOpFailure Execution(string message) => new(new GanetiOpExecError(message));

    public JsonElement ToOpResult() => Error switch
    {
        GanetiOpPrereqError prerequisite => SimulatedJson.Array(SimulatedJson.String(Error.Type),
            prerequisite.Code is null
                ? SimulatedJson.Array(SimulatedJson.String(Error.Message))
                : SimulatedJson.Array(SimulatedJson.String(Error.Message), SimulatedJson.String(prerequisite.Code))),
        _ => SimulatedJson.Array(SimulatedJson.String(Error.Type), SimulatedJson.Array(SimulatedJson.String(Error.Message))),
    };
}
