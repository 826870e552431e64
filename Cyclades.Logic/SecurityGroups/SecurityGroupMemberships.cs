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
        var members = await MembersAsync(userId, portIds, cancellationToken);
        var groups = await connections.ReadAsync(async db =>
        {
            var found = await SecurityGroupRepository.ListAsync(db, userId, members.Select(m => m.GroupId).Distinct().ToList(), cancellationToken);
            var rules = (await SecurityGroupRuleRepository.ListOfGroupsAsync(db, found.Select(g => g.Id).ToList(), cancellationToken)).ToLookup(r => r.GroupId);
            return found.ToDictionary(g => g.Id, g => new SecurityGroupWithRules(g, rules[g.Id].ToList()));
        }, cancellationToken);
        return members.ToLookup(m => m.PortId, m => groups[m.GroupId]);
    }

    /// <summary>The groups of each of the user's ports, without their rules (unknown ids are left out).</summary>
    public async Task<ILookup<long, SecurityGroup>> GroupsOfPortsAsync(string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(userId, portIds, cancellationToken);
        var groups = (await connections.ReadAsync(
                db => SecurityGroupRepository.ListAsync(db, userId, members.Select(m => m.GroupId).Distinct().ToList(), cancellationToken), cancellationToken))
            .ToDictionary(g => g.Id);
        return members.ToLookup(m => m.PortId, m => groups[m.GroupId]);
    }

    /// <summary>Each (port, group) membership of the user's ports: a port whose groups were never set is in its network's default group.</summary>
    private async Task<IReadOnlyList<(long PortId, long GroupId)>> MembersAsync(string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken)
    {
        if (portIds.Count == 0)
        {
            return [];
        }
        var (networks, members) = await connections.ReadAsync(async db =>
            (await PortSecurityGroupRepository.NetworksOfPortsAsync(db, userId, portIds, cancellationToken),
             await PortSecurityGroupRepository.GroupsOfPortsAsync(db, portIds, cancellationToken)), cancellationToken);
        if (networks.Count < portIds.Distinct().Count())
        {
            // A port on a public subnet is on the user's default network, which may not be made yet.
            await networkQueries.GetDefaultNetworkAsync(userId, cancellationToken);
            networks = await connections.ReadAsync(db => PortSecurityGroupRepository.NetworksOfPortsAsync(db, userId, portIds, cancellationToken), cancellationToken);
        }
        var defaults = new Dictionary<long, long>();
        foreach (var networkId in networks.Where(p => !members.Contains(p.Key)).Select(p => p.Value).Distinct())
        {
            defaults[networkId] = (await EnsureDefaultAsync(userId, networkId, cancellationToken)).Id;
        }
        return networks
            .SelectMany(p => (members.Contains(p.Key) ? members[p.Key] : [defaults[p.Value]]).Select(groupId => (p.Key, groupId)))
            .ToList();
    }
}
