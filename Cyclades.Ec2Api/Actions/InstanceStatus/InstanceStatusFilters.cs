using System.Globalization;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.InstanceStatus;

/// <summary>
/// DescribeInstanceStatus's own filter set (not DescribeInstances': <c>tag:Name</c> is invalid here, as
/// on AWS). Statuses follow from the state alone, so status filters become state criteria for the
/// database; there are no scheduled events, so event filters match nothing.
/// </summary>
public static class InstanceStatusFilters
{
    public static readonly Ec2FilterSet<InstanceStatusItem> InMemory = new Ec2FilterSet<InstanceStatusItem>()
        .Add("availability-zone", s => s.AvailabilityZone)
        .Add("availability-zone-id", s => s.AvailabilityZoneId)
        .Add("event.code", _ => null)
        .Add("event.description", _ => null)
        .Add("event.instance-event-id", _ => null)
        .Add("event.not-after", _ => null)
        .Add("event.not-before", _ => null)
        .Add("event.not-before-deadline", _ => null)
        .Add("instance-state-code", s => s.State.Code.ToString(CultureInfo.InvariantCulture))
        .Add("instance-state-name", s => s.State.Name)
        .AddEach("instance-status.reachability", s => (s.InstanceStatus.Details ?? []).Select(d => d.Status))
        .Add("instance-status.status", s => s.InstanceStatus.Status)
        .Add("operator.managed", _ => "false")
        .Add("operator.principal", _ => null)
        .AddEach("system-status.reachability", s => (s.SystemStatus.Details ?? []).Select(d => d.Status))
        .Add("system-status.status", s => s.SystemStatus.Status)
        .Add("attached-ebs-status.status", _ => null);

    /// <returns>The filter for the database, and the filters left to apply to the rendered page.</returns>
    public static (ServerFilter Filter, IReadOnlyList<Filter> Residual) Translate(IReadOnlyList<Filter> filters, bool includeAllInstances)
    {
        var residual = new List<Filter>();
        var filter = new ServerFilter();
        var statePredicates = new List<Func<InstanceStateItem, bool>>();
        if (!includeAllInstances)
        {
            statePredicates.Add(s => s == InstanceStates.Running);
        }
        foreach (var f in filters)
        {
            if (f.Name == "availability-zone" && filter.BackendNames is null)
            {
                filter = filter with { BackendNames = f.Values };
            }
            else if (f.Name is "availability-zone" or "availability-zone-id")
            {
                residual.Add(f);
            }
            else
            {
                // Everything else is a function of the state (or of nothing).
                statePredicates.Add(state => InMemory.Apply([Probe(state)], [f]).Any());
            }
        }
        return (filter with { States = statePredicates.Count == 0 ? null : InstanceStates.Matching(s => statePredicates.All(p => p(s))) }, residual);
    }

    public static InstanceStatusItem Item(string instanceId, InstanceStateItem state, string zone, string zoneId) => new()
    {
        InstanceId = instanceId,
        State = state,
        AvailabilityZone = zone,
        AvailabilityZoneId = zoneId,
        InstanceStatus = InstanceStatusItem.SummaryFor(state),
        SystemStatus = InstanceStatusItem.SummaryFor(state),
    };

    private static InstanceStatusItem Probe(InstanceStateItem state) => Item("", state, "", "");
}
