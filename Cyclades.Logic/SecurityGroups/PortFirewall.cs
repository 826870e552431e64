using Cyclades.Logic.Backends;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>
/// Carries each port's firewall (<see cref="FirewallTags"/>: its profile, and a record of its groups)
/// to its server's instance as cluster tags. A push reads the instance's tags and submits at most two
/// jobs: one removing the firewall tags no port of the server should have, one adding those missing.
/// It takes no task guard (tag jobs change nothing the server's state or its task depends on, and
/// the cluster runs them in order with the instance's other jobs), so a user is never kept waiting
/// behind one; their results come back through the dispatcher like any job's, and a successful tag
/// job, or a finished create job, is followed by another push, which changes nothing once the tags
/// are right: pushes racing each other (or a group changed again meanwhile) converge on the state the
/// database holds last.
/// </summary>
public sealed partial class PortFirewall(
    IDbConnectionFactory connections,
    SecurityGroupMemberships memberships,
    NetworkQueries networks,
    ServerQueries servers,
    ClusterDriverCache drivers,
    JobSubmissions submissions,
    ILogger<PortFirewall> logger)
{
    /// <summary>The firewall tags of each of the user's ports (unknown ids are left out).</summary>
    public async Task<ILookup<long, string>> TagsOfPortsAsync(string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        (await memberships.OfPortsAsync(userId, portIds, cancellationToken))
            .SelectMany(port => FirewallTags.Of(port.Key, port.ToList()).Select(tag => (Port: port.Key, Tag: tag)))
            .ToLookup(x => x.Port, x => x.Tag);

    /// <summary>The firewall tags each server's instance should carry: those of its ports (each owner's read at once), by server id.</summary>
    public async Task<ILookup<long, string>> TagsOfServersAsync(IEnumerable<Port> ports, CancellationToken cancellationToken)
    {
        var tags = new List<(long Server, string Tag)>();
        foreach (var owned in ports.Where(p => p.ServerId is not null).GroupBy(p => p.UserId, StringComparer.Ordinal))
        {
            var byPort = await TagsOfPortsAsync(owned.Key, owned.Select(p => p.Id).ToList(), cancellationToken);
            tags.AddRange(owned.SelectMany(p => byPort[p.Id].Select(tag => (p.ServerId!.Value, tag))));
        }
        return tags.ToLookup(x => x.Server, x => x.Tag);
    }

    /// <summary>
    /// Makes the server's instance carry exactly the firewall tags of its ports. Nothing is submitted
    /// when they are right, when the server is deleted, or while the cluster has no instance of it
    /// (its create job carries them).
    /// </summary>
    /// <exception cref="ClusterException">The cluster could not be read or refused a job.</exception>
    public async Task<FirewallPush> PushAsync(long serverId, CancellationToken cancellationToken)
    {
        if (await servers.GetAnyUserAsync(serverId, cancellationToken) is not { Server: { Deleted: false } server })
        {
            return FirewallPush.None;
        }
        var ports = (await networks.PortsOfServersAsync([serverId], cancellationToken))[serverId];
        var wanted = (await TagsOfServersAsync(ports, cancellationToken))[serverId].ToHashSet(StringComparer.Ordinal);
        var driver = await drivers.GetAsync(server.BackendId, cancellationToken);
        if (await driver.GetInstanceAsync(server.InstanceName, cancellationToken) is not { } instance)
        {
            return FirewallPush.None;
        }
        var present = instance.Tags.ToHashSet(StringComparer.Ordinal);
        var removed = present.Where(tag => FirewallTags.IsFirewallTag(tag) && !wanted.Contains(tag)).Order(StringComparer.Ordinal).ToList();
        var added = wanted.Where(tag => !present.Contains(tag)).Order(StringComparer.Ordinal).ToList();
        var push = new FirewallPush(added, removed);
        if (removed.Count > 0)
        {
            push = push with { RemoveJobId = Announce(server, await driver.RemoveTagsAsync(server.InstanceName, removed, cancellationToken)) };
        }
        if (added.Count > 0)
        {
            push = push with { AddJobId = Announce(server, await driver.AddTagsAsync(server.InstanceName, added, cancellationToken)) };
        }
        return push;
    }

    /// <summary>After the groups of these ports changed: pushes their servers' tags (best effort, see <see cref="PushQuietlyAsync"/>).</summary>
    public async Task PortsChangedAsync(IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        await PushQuietlyAsync(
            await connections.ReadAsync(db => PortSecurityGroupRepository.ServersOfPortsAsync(db, portIds, cancellationToken), cancellationToken),
            cancellationToken);

    /// <summary>After the rules of the group changed: pushes the tags of its members' servers (best effort).</summary>
    public async Task GroupChangedAsync(SecurityGroup group, CancellationToken cancellationToken) =>
        await PushQuietlyAsync(
            await connections.ReadAsync(db => PortSecurityGroupRepository.ServersOfMembersAsync(db, group, cancellationToken), cancellationToken),
            cancellationToken);

    /// <summary>
    /// The change is already stored, so a cluster that cannot be reached does not fail it: the
    /// failure is logged and the tags follow at the server's next push.
    /// </summary>
    internal async Task PushQuietlyAsync(IReadOnlyList<long> serverIds, CancellationToken cancellationToken)
    {
        foreach (var serverId in serverIds)
        {
            try
            {
                await PushAsync(serverId, cancellationToken);
            }
            catch (ClusterException e)
            {
                LogPushFailed(logger, serverId, e.Message);
            }
        }
    }

    private long Announce(Server server, long jobId)
    {
        submissions.Notify(new SubmittedJob(server.BackendId, jobId, ServerOperation.Tags));
        return jobId;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The firewall tags of server {ServerId} were not pushed to its cluster: {Error}")]
    private static partial void LogPushFailed(ILogger logger, long serverId, string error);
}

/// <summary>What a push changed: the tags removed and added, and the jobs that do it (null: none needed).</summary>
public sealed record FirewallPush(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public static readonly FirewallPush None = new([], []);

    /// <summary>The tags were right (or there was nothing to tag): no job was submitted.</summary>
    public bool ChangedNothing => Added.Count == 0 && Removed.Count == 0;

    public long? AddJobId { get; init; }

    public long? RemoveJobId { get; init; }
}
