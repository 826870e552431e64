using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The model's <c>InstanceState</c>: <c>&lt;code&gt;16&lt;/code&gt;&lt;name&gt;running&lt;/name&gt;</c>.</summary>
public sealed record InstanceStateItem(
    [property: Ec2Element("code")] int Code,
    [property: Ec2Element("name")] string Name);

/// <summary>
/// The one table from a server's operstate and pending task to its EC2 state (README, "Instance
/// states"); the rules are applied in this order:
/// <list type="number">
/// <item>deleted or DESTROYED → terminated (48)</item>
/// <item>task DESTROY, or a destroy request waiting for the create job (or decided by the core) → shutting-down (32)</item>
/// <item>BUILD → pending (0)</item>
/// <item>ERROR → terminated (48), with <c>stateReason</c> <c>Server.InternalError</c>: a failed server
///   ends a wait for running at once, and terminating it still removes it and frees its quota</item>
/// <item>STARTED → running (16); with task STOP → stopping (64); REBOOT and RESIZE stay running</item>
/// <item>STOPPED → stopped (80); with task START or REBOOT → pending (0); RESIZE stays stopped</item>
/// </list>
/// Filters by state use the same table backwards (<see cref="Matching"/>), so both always agree.
/// </summary>
public static class InstanceStates
{
    public static readonly InstanceStateItem Pending = new(0, "pending");
    public static readonly InstanceStateItem Running = new(16, "running");
    public static readonly InstanceStateItem ShuttingDown = new(32, "shutting-down");
    public static readonly InstanceStateItem Terminated = new(48, "terminated");
    public static readonly InstanceStateItem Stopping = new(64, "stopping");
    public static readonly InstanceStateItem Stopped = new(80, "stopped");

    public static IReadOnlyList<InstanceStateItem> All { get; } = [Pending, Running, ShuttingDown, Terminated, Stopping, Stopped];

    public static InstanceStateItem Of(Server server) =>
        server.Deleted ? Terminated : Of(server.OperState, server.Task?.Action, server.DestroyRequestedAt is not null);

    /// <summary>
    /// The state RunInstances answers for a server it just created: <c>pending</c>, as AWS always
    /// answers, even when a fast cluster has already built it; a failed one stays terminated.
    /// </summary>
    public static InstanceStateItem JustLaunched(InstanceStateItem state) => state == Running ? Pending : state;

    public static InstanceStateItem Of(OperState operState, ServerAction? task, bool destroyRequested = false) => (operState, task) switch
    {
        (OperState.Destroyed, _) => Terminated,
        _ when destroyRequested => ShuttingDown,
        (_, ServerAction.Destroy) => ShuttingDown,
        (OperState.Build, _) => Pending,
        (OperState.Error, _) => Terminated,
        (OperState.Started, ServerAction.Stop) => Stopping,
        (OperState.Started, _) => Running,
        (OperState.Stopped, ServerAction.Start or ServerAction.Reboot) => Pending,
        (OperState.Stopped, _) => Stopped,
        _ => throw new ArgumentOutOfRangeException(nameof(operState), operState, null),
    };

    /// <summary>The operstate and task combinations whose EC2 state satisfies <paramref name="predicate"/>.</summary>
    public static IReadOnlyList<ServerStateMatch> Matching(Func<InstanceStateItem, bool> predicate)
    {
        var cases = (from task in new ServerAction?[] { null }.Concat(Enum.GetValues<ServerAction>().Cast<ServerAction?>())
                     from requested in new[] { false, true }
                     select (Task: task, Requested: requested)).ToList();
        var matches = new List<ServerStateMatch>();
        foreach (var operState in Enum.GetValues<OperState>())
        {
            var hits = cases.Where(c => predicate(Of(operState, c.Task, c.Requested))).ToList();
            if (hits.Count == cases.Count)
            {
                matches.Add(new ServerStateMatch(operState, AnyTask: true));
            }
            else
            {
                matches.AddRange(hits.Select(c => new ServerStateMatch(operState, c.Task, DestroyRequested: c.Requested)));
            }
        }
        return matches;
    }

    /// <summary>Synnefo's <c>SNF:task_state</c> for a pending task: BUILDING, STARTING, STOPPING, …</summary>
    public static string TaskState(ServerAction task) => task switch
    {
        ServerAction.Build => "BUILDING",
        ServerAction.Start => "STARTING",
        ServerAction.Stop => "STOPPING",
        ServerAction.Reboot => "REBOOTING",
        ServerAction.Resize => "RESIZING",
        ServerAction.Destroy => "DESTROYING",
        ServerAction.Export => "EXPORTING",
        ServerAction.AttachVolume => "ATTACHING_VOLUME",
        ServerAction.DetachVolume => "DETACHING_VOLUME",
        ServerAction.GrowVolume => "GROWING_VOLUME",
        ServerAction.ConnectPort => "CONNECTING_PORT",
        ServerAction.DisconnectPort => "DISCONNECTING_PORT",
        _ => "UNKNOWN",
    };
}
