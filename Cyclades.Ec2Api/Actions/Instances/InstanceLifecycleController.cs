using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// Start, stop, reboot and terminate. Every id is checked before anything is done; then the logic
/// core's batch command decides (one instance in a wrong state → nothing done). What AWS treats as
/// done already (starting a running instance, terminating a terminated one) is left alone.
/// </summary>
public sealed class InstanceLifecycleController(InstanceLookup lookup, ServerCommands commands) : Ec2Controller
{
    [Ec2Action("StartInstances")]
    [HandlesDryRun]
    public async Task<StartInstancesResponse> StartInstances(StartInstancesRequest request, CancellationToken cancellationToken)
    {
        var ids = await RequireAsync(request.InstanceIds, request, cancellationToken);
        var results = await commands.StartManyAsync(Caller.LogicUserId(), ids, skipAlreadyDone: true, cancellationToken);
        return new StartInstancesResponse { Instances = InstanceStateChangeItem.From(results) };
    }

    [Ec2Action("StopInstances")]
    [HandlesDryRun]
    public async Task<StopInstancesResponse> StopInstances(StopInstancesRequest request, CancellationToken cancellationToken)
    {
        var ids = await RequireAsync(request.InstanceIds, request, cancellationToken);
        TimeSpan? shutdownTimeout = request.Force || request.SkipOsShutdown ? TimeSpan.Zero : null;
        var results = await commands.StopManyAsync(Caller.LogicUserId(), ids, shutdownTimeout, skipAlreadyDone: true, cancellationToken);
        return new StopInstancesResponse { Instances = InstanceStateChangeItem.From(results) };
    }

    /// <summary>AWS: "Requests to reboot terminated instances are ignored."</summary>
    [Ec2Action("RebootInstances")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> RebootInstances(RebootInstancesRequest request, CancellationToken cancellationToken)
    {
        var views = await lookup.RequireAsync(Caller, request.InstanceIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var ids = views.Where(v => !v.Server.Deleted).Select(v => v.Server.Id).ToList();
        await commands.RebootManyAsync(Caller.LogicUserId(), ids, RebootKind.Soft, cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("TerminateInstances")]
    [HandlesDryRun]
    public async Task<TerminateInstancesResponse> TerminateInstances(TerminateInstancesRequest request, CancellationToken cancellationToken)
    {
        var ids = await RequireAsync(request.InstanceIds, request, cancellationToken);
        var results = await commands.DestroyManyAsync(Caller.LogicUserId(), ids, skipAlreadyDone: true, cancellationToken);
        return new TerminateInstancesResponse { Instances = InstanceStateChangeItem.From(results) };
    }

    private async Task<IReadOnlyList<long>> RequireAsync(IReadOnlyList<string> instanceIds, ISupportsDryRun request, CancellationToken cancellationToken)
    {
        var views = await lookup.RequireAsync(Caller, instanceIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        return views.Select(v => v.Server.Id).ToList();
    }
}
