using System.Data.Common;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>
/// Which groups a port is in, and each network's default group (made the first time it is needed,
/// by whichever API node gets there first). A port whose groups were never set is a member of its
/// network's default group, as on AWS a NIC made without groups is.
/// </summary>
public sealed class SecurityGroupMemberships(IDbConnectionFactory connections, NetworkQueries networkQueries, TimeProvider clock)
{
    /// <summary>The network's default group, made (with its rules) if it has none yet.</summary>
    public async Task<SecurityGroup> EnsureDefaultAsync(string userId, long networkId, CancellationToken cancellationToken)
    {
        if (await connections.ReadAsync(db => SecurityGroupRepository.FindAsync(db, userId, networkId, SecurityGroupService.DefaultName, cancellationToken), cancellationToken) is { IsDefault: true } found)
        {
            return found;
        }
        try
        {
            return await connections.WriteAsync(async db =>
            {
                var now = UnixTime.ToMicros(clock.GetUtcNow());
                var group = await SecurityGroupRepository.InsertAsync(db, userId, networkId, SecurityGroupService.DefaultName,
                    SecurityGroupService.DefaultName, isDefault: true, now, cancellationToken);
                await SecurityGroupRuleRepository.InsertAsync(db, group.Id, userId,
                    new RuleSpec(RuleDirection.Ingress, RuleNormalizer.AllProtocols, null, null, RulePeer.Group(group.Id)), now, cancellationToken);
                await SecurityGroupRuleRepository.InsertAsync(db, group.Id, userId, SecurityGroupService.AllowAllEgress, now, cancellationToken);
                return group;
            }, cancellationToken);
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            // Another node made it first.
            return await connections.ReadAsync(db => SecurityGroupRepository.FindAsync(db, userId, networkId, SecurityGroupService.DefaultName, cancellationToken), cancellationToken)
                ?? throw new InvalidOperationException($"The default security group of network {networkId} vanished while it was being made.", e);
        }
    }

    /// <summary>The groups, with their rules, of each of the user's ports (unknown ids are left out).</summary>
    public async Task<ILookup<long, SecurityGroupWithRules>> OfPortsAsync(string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken)
    {
        var membership = await MembershipAsync(userId, portIds, cancellationToken);
        var rules = (await connections.ReadAsync(
                db => SecurityGroupRuleRepository.ListOfGroupsAsync(db, membership.Groups.Keys.ToList(), cancellationToken), cancellationToken))
            .ToLookup(r => r.GroupId);
        var groups = membership.Groups.Values.ToDictionary(g => g.Id, g => new SecurityGroupWithRules(g, rules[g.Id].ToList()));
        return membership.Members.ToLookup(m => m.PortId, m => groups[m.GroupId]);
    }

    /// <summary>The groups of each of the user's ports, without their rules (unknown ids are left out).</summary>
    public async Task<ILookup<long, SecurityGroup>> GroupsOfPortsAsync(string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken)
    {
        var membership = await MembershipAsync(userId, portIds, cancellationToken);
        return membership.Members.ToLookup(m => m.PortId, m => membership.Groups[m.GroupId]);
    }

    /// <summary>
    /// The ports of these servers of the user's on subnets he sees, by server id, each with its network and groups: one
    /// read, but the first time the default network or a network's default group is needed, when that is made first.
    /// </summary>
    public async Task<ILookup<long, ServerPort>> PortsOfServersAsync(string userId, IReadOnlyCollection<long> serverIds, CancellationToken cancellationToken)
    {
        if (serverIds.Count == 0)
        {
            return Array.Empty<ServerPort>().ToLookup(p => 0L);
        }
        var rows = await ReadMakingDefaultsAsync(
            userId,
            () => connections.ReadAsync(db => PortSecurityGroupRepository.PortsOfServersAsync(db, userId, serverIds, cancellationToken), cancellationToken),
            found => found.Any(r => r.NetworkId is null),
            found => found.Where(r => r.GroupId is null && r.NetworkId is not null).Select(r => r.NetworkId!.Value).Distinct().ToList(),
            cancellationToken);
        return ServerPorts(rows).ToLookup(p => p.Port.ServerId!.Value);
    }

    /// <summary>The rows of each port (which come one after the other) as one <see cref="ServerPort"/>.</summary>
    private static List<ServerPort> ServerPorts(List<PortSecurityGroupRepository.ServerPortRow> rows)
    {
        var ports = new List<ServerPort>();
        List<PortGroup> groups = [];
        foreach (var row in rows)
        {
            if (ports.Count == 0 || ports[^1].Port.Id != row.Port.Id)
            {
                groups = [];
                ports.Add(new ServerPort(row.Port.ToPort(), row.NetworkId ?? 0, groups));
            }
            if (row.GroupId is { } groupId)
            {
                groups.Add(new PortGroup(groupId, row.GroupName!));
            }
        }
        return ports;
    }

    /// <summary>
    /// Each (port, group) membership of the user's ports, with the groups: a port whose groups were never set is in its
    /// network's default group. One read, but the first time a network is used, when its default group is made first.
    /// </summary>
    private async Task<Membership> MembershipAsync(string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        portIds.Count == 0
            ? Membership.None
            : await ReadMakingDefaultsAsync(
                userId,
                () => connections.ReadAsync(db => Membership.ReadAsync(db, userId, portIds, cancellationToken), cancellationToken),
                membership => membership.PortsWithoutNetwork > 0,
                membership => membership.NetworksWithoutDefault,
                cancellationToken);

    /// <summary>
    /// Reads what ports are in, and reads again after making what it lacked: first the user's default network (which a
    /// port on a public subnet is on), then the default group of each network named by <paramref name="networksWithoutDefault"/>.
    /// </summary>
    private async Task<T> ReadMakingDefaultsAsync<T>(
        string userId, Func<Task<T>> read, Func<T, bool> lacksDefaultNetwork, Func<T, IReadOnlyCollection<long>> networksWithoutDefault,
        CancellationToken cancellationToken)
    {
        var result = await read();
        if (lacksDefaultNetwork(result))
        {
            await networkQueries.GetDefaultNetworkAsync(userId, cancellationToken);
            result = await read();
        }
        var networkIds = networksWithoutDefault(result);
        if (networkIds.Count > 0)
        {
            foreach (var networkId in networkIds)
            {
                await EnsureDefaultAsync(userId, networkId, cancellationToken);
            }
            result = await read();
        }
        return result;
    }

    /// <param name="PortsWithoutNetwork">Ports on a public subnet while the user's default network is not made yet.</param>
    /// <param name="NetworksWithoutDefault">Networks of ports in no group whose default group is not made yet.</param>
    private sealed record Membership(
        IReadOnlyList<(long PortId, long GroupId)> Members, IReadOnlyDictionary<long, SecurityGroup> Groups,
        int PortsWithoutNetwork, IReadOnlyList<long> NetworksWithoutDefault)
    {
        public static readonly Membership None = new([], new Dictionary<long, SecurityGroup>(), 0, []);

        /// <summary>Two statements: the ports with their networks and groups, then those groups and the defaults the ports in no group are in.</summary>
        public static async Task<Membership> ReadAsync(Db db, string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken)
        {
            var rows = await PortSecurityGroupRepository.MembersOfPortsAsync(db, userId, portIds, cancellationToken);
            var networks = PortSecurityGroupRepository.NetworksOf(rows);
            var members = rows.Where(r => r.GroupId is not null).ToLookup(r => r.PortId, r => r.GroupId!.Value);
            var unset = networks.Where(p => !members.Contains(p.Key)).Select(p => p.Value).Distinct().ToList();
            var groups = (await SecurityGroupRepository.ListWithDefaultsAsync(
                    db, userId, members.SelectMany(m => m).Distinct().ToList(), unset, cancellationToken))
                .ToDictionary(g => g.Id);
            var defaults = groups.Values.Where(g => g.IsDefault && unset.Contains(g.NetworkId)).ToDictionary(g => g.NetworkId);
            var pairs = networks
                .SelectMany(p => (members.Contains(p.Key) ? members[p.Key] : defaults.TryGetValue(p.Value, out var d) ? [d.Id] : []).Select(groupId => (p.Key, groupId)))
                .ToList();
            return new Membership(pairs, groups, portIds.Distinct().Count() - networks.Count, unset.Where(n => !defaults.ContainsKey(n)).ToList());
        }
    }
}
