using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.CreditSpecifications;

/// <summary>The CPU credit option of instances: <c>standard</c> for all, the only one there is (<see cref="CpuCredits"/>).</summary>
public sealed class CreditSpecificationsController(InstancePages pages, InstanceLookup lookup) : Ec2Controller
{
    /// <summary>Instances that have not terminated, named or all of them, in pages.</summary>
    [Ec2Action("DescribeInstanceCreditSpecifications")]
    [HandlesDryRun]
    public async Task<DescribeInstanceCreditSpecificationsResponse> DescribeInstanceCreditSpecifications(
        DescribeInstanceCreditSpecificationsRequest request, CancellationToken cancellationToken)
    {
        var notTerminated = new ServerFilter { States = InstanceStates.Matching(s => s != InstanceStates.Terminated) };
        var (servers, nextToken) = await pages.ReadAsync(Caller, request.InstanceIds, notTerminated,
            new { request.InstanceIds, request.Filters }, request.NextToken, request.MaxResults, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var items = servers.Select(v => new InstanceCreditSpecificationItem { InstanceId = InstanceIds.Of(v.Server.Id) });
        return new DescribeInstanceCreditSpecificationsResponse
        {
            InstanceCreditSpecifications = CpuCredits.Filters.Apply(items, request.Filters).ToList(),
            NextToken = nextToken,
        };
    }

    /// <summary>Each instance on its own, as AWS: <c>standard</c> succeeds (it already is), anything else fails in the unsuccessful set.</summary>
    [Ec2Action("ModifyInstanceCreditSpecification")]
    [HandlesDryRun]
    public async Task<ModifyInstanceCreditSpecificationResponse> ModifyInstanceCreditSpecification(
        ModifyInstanceCreditSpecificationRequest request, CancellationToken cancellationToken)
    {
        var asked = request.InstanceCreditSpecifications
            .Select(s => (Id: s.InstanceId!, Credits: s.CpuCredits!, ServerId: InstanceIds.TryParse(s.InstanceId!, out var id) ? id : (long?)null))
            .ToList();
        var found = await lookup.FindAsync(Caller, asked.Where(a => a.ServerId is not null).Select(a => a.ServerId!.Value).Distinct().ToList(), cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var outcomes = asked.Select(a => (a.Id, Error: Refusal(a.Id, a.Credits, a.ServerId is { } id ? found.GetValueOrDefault(id) : null, a.ServerId is null))).ToList();
        return new ModifyInstanceCreditSpecificationResponse
        {
            Successful = outcomes.Where(o => o.Error is null).Select(o => new SuccessfulCreditSpecificationItem { InstanceId = o.Id }).ToList(),
            Unsuccessful = outcomes.Where(o => o.Error is not null)
                .Select(o => new UnsuccessfulCreditSpecificationItem { InstanceId = o.Id, Error = o.Error! }).ToList(),
        };
    }

    private static CreditSpecificationErrorItem? Refusal(string instanceId, string credits, ServerView? view, bool malformed) => (malformed, view, credits) switch
    {
        (true, _, _) => Error("InvalidInstanceID.Malformed", $"Invalid id: \"{instanceId}\""),
        (_, null, _) => Error("InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist"),
        (_, { Server.Deleted: true }, _) => Error("IncorrectInstanceState", $"The instance '{instanceId}' is terminated."),
        (_, _, CpuCredits.Standard) => null,
        _ => Error("InstanceCreditSpecification.NotSupported",
            $"The instance '{instanceId}' of type {view.Flavor.Name} is not a burstable performance instance: only the '{CpuCredits.Standard}' CPU credit option is supported."),
    };

    private static CreditSpecificationErrorItem Error(string code, string message) => new() { Code = code, Message = message };
}
