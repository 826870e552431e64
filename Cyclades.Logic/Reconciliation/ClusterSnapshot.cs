using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Reconciliation;

/// <summary>
/// What reconciliation compares: the cluster's instances and jobs, read first, then the backend's
/// servers. In that order a server created meanwhile is in the database before its instance exists,
/// so it can never look like an orphan.
/// </summary>
/// <param name="StartedAt">Before anything was read: simulated events carry this time, so any real change since wins.</param>
/// <param name="Jobs">The job list, plus the jobs of pending tasks that the list no longer has (archived but readable).</param>
/// <param name="Servers">The backend's non-deleted servers.</param>
/// <param name="Volumes">The servers' volumes (not deleted), by server.</param>
/// <param name="Ports">The servers' ports, by server.</param>
/// <param name="LiveNetworks">The cluster networks of the backend's live private subnets.</param>
/// <param name="FirewallTags">
/// The firewall tags the instance of each compared server (<see cref="InventoryRules.IsCompared"/>) should carry (its ports'), by server; null when the
/// request leaves firewall tags out.
/// </param>
internal sealed record ClusterSnapshot(
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, ClusterInstance> Instances,
    IReadOnlyDictionary<long, ClusterJob> Jobs,
    IReadOnlyList<Server> Servers,
    IReadOnlyList<Flavor> Flavors,
    ILookup<long, Volume> Volumes,
    ILookup<long, Port> Ports,
    IReadOnlySet<string> LiveNetworks,
    ILookup<long, string>? FirewallTags = null)
{
    /// <summary>The instances a tag job still runs on: their tags are on their way.</summary>
    public IReadOnlySet<string> BeingTagged { get; } = Jobs.Values
        .Where(job => !job.Status.IsFinal())
        .SelectMany(job => job.Operations.Where(op => op.Operation == ServerOperation.Tags && op.InstanceName is not null).Select(op => op.InstanceName!))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The job with that id if it is about <paramref name="instanceName"/> and <paramref name="operation"/> (ids repeat across cluster rebuilds).</summary>
    public ClusterJob? MatchingJob(long jobId, string instanceName, ServerOperation operation) =>
        Jobs.TryGetValue(jobId, out var job)
        && job.Operations.Any(op => op.InstanceName == instanceName && op.Operation == operation)
            ? job
            : null;
}
