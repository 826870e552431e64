using System.Data.Common;
using System.Globalization;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>
/// Users' security groups, per network: named allow-rule sets that ports are members of. Every
/// network has a default group, made the first time it is needed (by whichever API node gets there
/// first), allowing all traffic from its own members and all outgoing traffic; a new group allows
/// all outgoing traffic. Rules are stored normalised (<see cref="RuleNormalizer"/>), each once.
/// A change of a port's groups, or of a group's rules, is pushed to the servers concerned
/// (<see cref="PortFirewall"/>); which rules the cluster's nodes enforce is in docs/networking.md
/// ("Security groups").
/// </summary>
public sealed class SecurityGroupService(IDbConnectionFactory connections, SecurityGroupMemberships memberships, PortFirewall firewall, TimeProvider clock)
{
    public const string DefaultName = "default";
    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 255;
    public const int MaxRulesPerDirection = 60;
    public const int MaxGroupsPerPort = 5;

    /// <summary>All traffic to anywhere: the egress rule every group starts with.</summary>
    public static readonly RuleSpec AllowAllEgress = new(RuleDirection.Egress, RuleNormalizer.AllProtocols, null, null, RulePeer.Ipv4("0.0.0.0/0"));

    /// <summary>The network's default group, made (with its rules) if it has none yet.</summary>
    public Task<SecurityGroup> EnsureDefaultAsync(string userId, long networkId, CancellationToken cancellationToken) =>
        memberships.EnsureDefaultAsync(userId, networkId, cancellationToken);

    /// <summary>A new group on the network (whose default group is made first), with the allow-all egress rule.</summary>
    /// <exception cref="SecurityGroupExistsException">The network has a group of this name, in any case.</exception>
    public async Task<SecurityGroupWithRules> CreateAsync(
        string userId, long networkId, string name, string description, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        if (name.Length is 0 or > MaxNameLength || description.Length is 0 or > MaxDescriptionLength)
        {
            throw new ArgumentException($"A security group's name and description must be 1 to {MaxNameLength} characters.", nameof(name));
        }
        await EnsureDefaultAsync(userId, networkId, cancellationToken);
        try
        {
            return await connections.WriteAsync(async db =>
            {
                var now = clock.GetUtcNow();
                var micros = UnixTime.ToMicros(now);
                var group = await SecurityGroupRepository.InsertAsync(db, userId, networkId, name, description, isDefault: false, micros, cancellationToken);
                var egress = await SecurityGroupRuleRepository.InsertAsync(db, group.Id, userId, AllowAllEgress, micros, cancellationToken);
                await TagService.AddAsync(db, userId, [ResourceOf(group.Id)], tags, now, cancellationToken);
                return new SecurityGroupWithRules(group, [egress]);
            }, cancellationToken);
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            throw new SecurityGroupExistsException(name, networkId);
        }
    }

    /// <summary>Deletes the group, its rules and their tags.</summary>
    /// <exception cref="SecurityGroupNotFoundException">The user has no such group.</exception>
    /// <exception cref="DefaultSecurityGroupException">It is its network's default group.</exception>
    /// <exception cref="SecurityGroupInUseException">A port uses it, or a rule of another group names it.</exception>
    public Task<SecurityGroup> DeleteAsync(string userId, long groupId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var group = await RequireAsync(db, userId, groupId, cancellationToken);
            if (group.IsDefault)
            {
                throw new DefaultSecurityGroupException(group.Id, group.Name);
            }
            if (await SecurityGroupRepository.IsInUseAsync(db, group.Id, cancellationToken))
            {
                throw new SecurityGroupInUseException(group.Id);
            }
            var rules = await SecurityGroupRuleRepository.ListOfGroupsAsync(db, [group.Id], cancellationToken);
            await SecurityGroupRepository.DeleteAsync(db, group.Id, cancellationToken);
            await TagRepository.DeleteAsync(db, userId, [ResourceOf(group.Id), .. rules.Select(r => ResourceOfRule(r.Id))], null, cancellationToken);
            return group;
        }, cancellationToken);

    /// <param name="groupIds">Null: all the user's groups.</param>
    public Task<IReadOnlyList<SecurityGroupWithRules>> ListAsync(string userId, IReadOnlyCollection<long>? groupIds, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
        {
            var groups = await SecurityGroupRepository.ListAsync(db, userId, groupIds, cancellationToken);
            var rules = (await SecurityGroupRuleRepository.ListOfGroupsAsync(db, groups.Select(g => g.Id).ToList(), cancellationToken)).ToLookup(r => r.GroupId);
            return (IReadOnlyList<SecurityGroupWithRules>)groups.Select(g => new SecurityGroupWithRules(g, rules[g.Id].ToList())).ToList();
        }, cancellationToken);

    /// <exception cref="SecurityGroupNotFoundException">The user has no such group.</exception>
    public async Task<SecurityGroupWithRules> GetAsync(string userId, long groupId, CancellationToken cancellationToken) =>
        (await ListAsync(userId, [groupId], cancellationToken)).SingleOrDefault() ?? throw new SecurityGroupNotFoundException(groupId);

    /// <summary>The network's group of this name (in any case), or null.</summary>
    public Task<SecurityGroup?> FindAsync(string userId, long networkId, string name, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => SecurityGroupRepository.FindAsync(db, userId, networkId, name, cancellationToken), cancellationToken);

    /// <summary>
    /// Adds the rules, all or none, and tags each new rule. A rule the group has, or one the request
    /// names twice, refuses the whole request.
    /// </summary>
    /// <exception cref="SecurityGroupNotFoundException">The user has no such group, or a rule names one.</exception>
    /// <exception cref="SecurityGroupNetworkMismatchException">A rule names a group of another network.</exception>
    /// <exception cref="InvalidRuleException">A rule cannot be stored.</exception>
    /// <exception cref="SecurityGroupRuleExistsException">A rule is there already.</exception>
    /// <exception cref="SecurityGroupRuleLimitException">More than <see cref="MaxRulesPerDirection"/> rules of a direction.</exception>
    public async Task<IReadOnlyList<SecurityGroupRule>> AuthorizeAsync(
        string userId, long groupId, IReadOnlyList<RuleSpec> rules, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        var normalized = rules.Select(RuleNormalizer.Normalize).ToList();
        try
        {
            var changed = await connections.WriteAsync(async db =>
            {
                var group = await RequireAsync(db, userId, groupId, cancellationToken);
                await RequirePeersAsync(db, group, normalized, cancellationToken);
                var existing = await SecurityGroupRuleRepository.ListOfGroupsAsync(db, [group.Id], cancellationToken);
                var identities = existing.Select(r => RuleNormalizer.Identity(r.Spec)).ToHashSet(StringComparer.Ordinal);
                if (normalized.FirstOrDefault(r => !identities.Add(RuleNormalizer.Identity(r))) is { } duplicate)
                {
                    throw new SecurityGroupRuleExistsException(group.Id, duplicate);
                }
                foreach (var direction in normalized.Select(r => r.Direction).Distinct())
                {
                    if (existing.Count(r => r.Spec.Direction == direction) + normalized.Count(r => r.Direction == direction) > MaxRulesPerDirection)
                    {
                        throw new SecurityGroupRuleLimitException(group.Id, direction, MaxRulesPerDirection);
                    }
                }
                var now = clock.GetUtcNow();
                var added = new List<SecurityGroupRule>();
                foreach (var rule in normalized)
                {
                    added.Add(await SecurityGroupRuleRepository.InsertAsync(db, group.Id, userId, rule, UnixTime.ToMicros(now), cancellationToken));
                }
                await TagService.AddAsync(db, userId, added.Select(r => ResourceOfRule(r.Id)).ToList(), tags, now, cancellationToken);
                return (Group: group, Added: (IReadOnlyList<SecurityGroupRule>)added);
            }, cancellationToken);
            await firewall.GroupChangedAsync(changed.Group, cancellationToken);
            return changed.Added;
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            // Another request added one of them since this one read the group's rules.
            throw new SecurityGroupRuleExistsException(groupId, normalized[0]);
        }
    }

    /// <summary>
    /// Removes the group's rules matching these (by identity: the description is ignored). With
    /// <paramref name="requireAll"/> a rule the group does not have refuses the whole request;
    /// otherwise the others are removed and the unmatched ones returned.
    /// </summary>
    /// <exception cref="SecurityGroupNotFoundException">The user has no such group.</exception>
    /// <exception cref="InvalidRuleException">A rule is not a rule at all.</exception>
    /// <exception cref="SecurityGroupRuleNotFoundException">With <paramref name="requireAll"/>: a rule the group does not have.</exception>
    public async Task<RevokeResult> RevokeAsync(string userId, long groupId, IReadOnlyList<RuleSpec> rules, bool requireAll, CancellationToken cancellationToken)
    {
        var normalized = rules.Select(RuleNormalizer.Normalize).ToList();
        var (group, result) = await connections.WriteAsync(async db =>
        {
            var group = await RequireAsync(db, userId, groupId, cancellationToken);
            var byIdentity = (await SecurityGroupRuleRepository.ListOfGroupsAsync(db, [group.Id], cancellationToken))
                .ToDictionary(r => RuleNormalizer.Identity(r.Spec), StringComparer.Ordinal);
            var matched = normalized.Select(r => byIdentity.GetValueOrDefault(RuleNormalizer.Identity(r))).ToList();
            var unmatched = normalized.Where((_, i) => matched[i] is null).ToList();
            if (requireAll && unmatched.Count > 0)
            {
                throw new SecurityGroupRuleNotFoundException(group.Id, unmatched[0]);
            }
            var revoked = matched.OfType<SecurityGroupRule>().DistinctBy(r => r.Id).ToList();
            await RemoveAsync(db, userId, revoked, cancellationToken);
            return (group, new RevokeResult(revoked, unmatched));
        }, cancellationToken);
        await firewall.GroupChangedAsync(group, cancellationToken);
        return result;
    }

    /// <summary>Removes the group's rules of this direction with these ids, all or none.</summary>
    /// <exception cref="SecurityGroupNotFoundException">The user has no such group.</exception>
    /// <exception cref="SecurityGroupRuleIdNotFoundException">No rule of the group and direction has one of the ids.</exception>
    public async Task<IReadOnlyList<SecurityGroupRule>> RevokeByIdAsync(
        string userId, long groupId, RuleDirection direction, IReadOnlyList<long> ruleIds, CancellationToken cancellationToken)
    {
        var (group, revoked) = await connections.WriteAsync(async db =>
        {
            var group = await RequireAsync(db, userId, groupId, cancellationToken);
            var rules = (await SecurityGroupRuleRepository.ListAsync(db, userId, ruleIds.Distinct().ToList(), cancellationToken))
                .Where(r => r.GroupId == group.Id && r.Spec.Direction == direction)
                .ToDictionary(r => r.Id);
            if (ruleIds.FirstOrDefault(id => !rules.ContainsKey(id), -1) is not -1 and var unknown)
            {
                throw new SecurityGroupRuleIdNotFoundException(unknown);
            }
            var revoked = rules.Values.OrderBy(r => r.Id).ToList();
            await RemoveAsync(db, userId, revoked, cancellationToken);
            return (group, (IReadOnlyList<SecurityGroupRule>)revoked);
        }, cancellationToken);
        await firewall.GroupChangedAsync(group, cancellationToken);
        return revoked;
    }

    /// <summary>The user's rules: those with these ids, or (null) all of them, in id order; unknown ids are left out.</summary>
    public Task<IReadOnlyList<SecurityGroupRule>> ListRulesAsync(string userId, IReadOnlyCollection<long>? ruleIds, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db => ruleIds is null
            ? await SecurityGroupRuleRepository.ListOfGroupsAsync(db,
                (await SecurityGroupRepository.ListAsync(db, userId, null, cancellationToken)).Select(g => g.Id).ToList(), cancellationToken)
            : await SecurityGroupRuleRepository.ListAsync(db, userId, ruleIds, cancellationToken), cancellationToken);

    /// <summary>Replaces rules of the group (each keeps its id and direction), all or none.</summary>
    /// <exception cref="SecurityGroupRuleIdNotFoundException">The group has no rule with one of the ids.</exception>
    /// <exception cref="SecurityGroupRuleExistsException">The group would hold the same rule twice.</exception>
    public async Task<IReadOnlyList<SecurityGroupRule>> ModifyRulesAsync(
        string userId, long groupId, IReadOnlyList<(long RuleId, RuleSpec Rule)> changes, CancellationToken cancellationToken)
    {
        try
        {
            var changed = await connections.WriteAsync(async db =>
            {
                var group = await RequireAsync(db, userId, groupId, cancellationToken);
                var rules = (await SecurityGroupRuleRepository.ListOfGroupsAsync(db, [group.Id], cancellationToken)).ToDictionary(r => r.Id);
                var replaced = new List<SecurityGroupRule>();
                foreach (var (ruleId, rule) in changes)
                {
                    var current = rules.GetValueOrDefault(ruleId) ?? throw new SecurityGroupRuleIdNotFoundException(ruleId);
                    replaced.Add(current with { Spec = RuleNormalizer.Normalize(rule with { Direction = current.Spec.Direction }) });
                }
                await RequirePeersAsync(db, group, replaced.Select(r => r.Spec).ToList(), cancellationToken);
                var identities = rules.Values.Where(r => replaced.All(c => c.Id != r.Id)).Select(r => RuleNormalizer.Identity(r.Spec)).ToHashSet(StringComparer.Ordinal);
                if (replaced.FirstOrDefault(r => !identities.Add(RuleNormalizer.Identity(r.Spec))) is { } duplicate)
                {
                    throw new SecurityGroupRuleExistsException(group.Id, duplicate.Spec);
                }
                foreach (var rule in replaced)
                {
                    await SecurityGroupRuleRepository.UpdateAsync(db, rule.Id, rule.Spec, cancellationToken);
                }
                return (Group: group, Replaced: (IReadOnlyList<SecurityGroupRule>)replaced);
            }, cancellationToken);
            await firewall.GroupChangedAsync(changed.Group, cancellationToken);
            return changed.Replaced;
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            throw new SecurityGroupRuleExistsException(groupId, changes[0].Rule);
        }
    }

    /// <summary>
    /// The groups of each of the user's ports (unknown ids are left out). A port whose groups were
    /// never set is a member of its network's default group, as on AWS a NIC made without groups is.
    /// </summary>
    public Task<ILookup<long, SecurityGroup>> GroupsOfPortsAsync(string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        memberships.GroupsOfPortsAsync(userId, portIds, cancellationToken);

    /// <inheritdoc cref="SecurityGroupMemberships.PortsOfServersAsync"/>
    public Task<ILookup<long, ServerPort>> PortsOfServersAsync(string userId, IReadOnlyCollection<long> serverIds, CancellationToken cancellationToken) =>
        memberships.PortsOfServersAsync(userId, serverIds, cancellationToken);

    /// <summary>Makes the port a member of exactly these groups: 1 to <see cref="MaxGroupsPerPort"/> of the user's, on the port's network.</summary>
    /// <exception cref="PortNotFoundForGroupsException">The user has no such port.</exception>
    /// <exception cref="SecurityGroupNotFoundException">The user has no such group.</exception>
    /// <exception cref="SecurityGroupNetworkMismatchException">A group is on another network than the port.</exception>
    /// <exception cref="TooManySecurityGroupsException">More than <see cref="MaxGroupsPerPort"/> groups.</exception>
    public async Task<IReadOnlyList<SecurityGroup>> SetPortGroupsAsync(string userId, long portId, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken)
    {
        var set = await connections.WriteAsync(db => ReplacePortGroupsAsync(db, userId, portId, groupIds, cancellationToken), cancellationToken);
        await firewall.PortsChangedAsync([portId], cancellationToken);
        return set;
    }

    /// <summary>
    /// <see cref="SetPortGroupsAsync"/> in the caller's transaction, without pushing the change to a server: for a
    /// port being made, which is attached to none yet.
    /// </summary>
    internal static async Task<IReadOnlyList<SecurityGroup>> ReplacePortGroupsAsync(
        Db db, string userId, long portId, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken)
    {
        var ids = groupIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new ArgumentException("A port is a member of at least one group.", nameof(groupIds));
        }
        if (ids.Count > MaxGroupsPerPort)
        {
            throw new TooManySecurityGroupsException(portId, MaxGroupsPerPort);
        }
        var networkId = (await PortSecurityGroupRepository.NetworksOfPortsAsync(db, userId, [portId], cancellationToken))
            .GetValueOrDefault(portId, -1);
        if (networkId == -1)
        {
            throw new PortNotFoundForGroupsException(portId);
        }
        var groups = (await SecurityGroupRepository.ListAsync(db, userId, ids, cancellationToken)).ToDictionary(g => g.Id);
        foreach (var id in ids)
        {
            var group = groups.GetValueOrDefault(id) ?? throw new SecurityGroupNotFoundException(id);
            if (group.NetworkId != networkId)
            {
                throw new SecurityGroupNetworkMismatchException(id, id);
            }
        }
        await PortSecurityGroupRepository.ReplaceAsync(db, portId, ids, cancellationToken);
        return ids.Select(id => groups[id]).ToList();
    }

    /// <summary>How a group is named among tagged resources.</summary>
    public static TaggedResource ResourceOf(long groupId) =>
        new(TaggedResourceType.SecurityGroup, groupId.ToString(CultureInfo.InvariantCulture));

    /// <summary>How a rule is named among tagged resources.</summary>
    public static TaggedResource ResourceOfRule(long ruleId) =>
        new(TaggedResourceType.SecurityRule, ruleId.ToString(CultureInfo.InvariantCulture));

    private static async Task<SecurityGroup> RequireAsync(Db db, string userId, long groupId, CancellationToken cancellationToken) =>
        await SecurityGroupRepository.GetAsync(db, userId, groupId, cancellationToken) ?? throw new SecurityGroupNotFoundException(groupId);

    /// <summary>Groups named as peers are the user's, on the group's network.</summary>
    private static async Task RequirePeersAsync(Db db, SecurityGroup group, IReadOnlyList<RuleSpec> rules, CancellationToken cancellationToken)
    {
        var ids = rules.Select(r => r.Peer.GroupId).OfType<long>().Where(id => id != group.Id).Distinct().ToList();
        var found = (await SecurityGroupRepository.ListAsync(db, group.UserId, ids, cancellationToken)).ToDictionary(g => g.Id);
        foreach (var id in ids)
        {
            var peer = found.GetValueOrDefault(id) ?? throw new SecurityGroupNotFoundException(id);
            if (peer.NetworkId != group.NetworkId)
            {
                throw new SecurityGroupNetworkMismatchException(group.Id, id);
            }
        }
    }

    private static async Task RemoveAsync(Db db, string userId, IReadOnlyList<SecurityGroupRule> rules, CancellationToken cancellationToken)
    {
        if (rules.Count == 0)
        {
            return;
        }
        await SecurityGroupRuleRepository.DeleteAsync(db, rules.Select(r => r.Id).ToList(), cancellationToken);
        await TagRepository.DeleteAsync(db, userId, rules.Select(r => ResourceOfRule(r.Id)).ToList(), null, cancellationToken);
    }
}

/// <param name="Unmatched">The rules asked for that the group did not have (normalised).</param>
public sealed record RevokeResult(IReadOnlyList<SecurityGroupRule> Revoked, IReadOnlyList<RuleSpec> Unmatched);
