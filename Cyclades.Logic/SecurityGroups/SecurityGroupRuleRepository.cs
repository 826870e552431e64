using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.SecurityGroups;

internal static class SecurityGroupRuleRepository
{
    private const string Select = """
        SELECT id AS Id, group_id AS GroupId, user_id AS UserId, is_egress AS IsEgress, protocol AS Protocol,
            from_port AS FromPort, to_port AS ToPort, cidr_ipv4 AS CidrIpv4, cidr_ipv6 AS CidrIpv6,
            referenced_group_id AS ReferencedGroupId, prefix_list_id AS PrefixListId, description AS Description
        FROM security_group_rules
        """;

    /// <summary>The rules of these groups, in the order they were added.</summary>
    public static async Task<IReadOnlyList<SecurityGroupRule>> ListOfGroupsAsync(Db db, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken) =>
        groupIds.Count == 0
            ? []
            : (await db.QueryAsync<RuleRow>($"{Select} WHERE group_id IN @groupIds ORDER BY id", new { groupIds = groupIds.ToList() }, cancellationToken))
                .Select(r => r.ToRule()).ToList();

    /// <summary>The user's rules with these ids (those that exist), in id order.</summary>
    public static async Task<IReadOnlyList<SecurityGroupRule>> ListAsync(Db db, string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : (await db.QueryAsync<RuleRow>($"{Select} WHERE user_id = @userId AND id IN @ids ORDER BY id", new { userId, ids = ids.ToList() }, cancellationToken))
                .Select(r => r.ToRule()).ToList();

    /// <summary>Inserts a normalised rule; one the group already has fails with a unique-index violation.</summary>
    public static async Task<SecurityGroupRule> InsertAsync(Db db, long groupId, string userId, RuleSpec rule, long now, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO security_group_rules (group_id, user_id, is_egress, protocol, from_port, to_port, cidr_ipv4, cidr_ipv6,
                referenced_group_id, prefix_list_id, description, identity, created_at)
            VALUES (@groupId, @userId, @isEgress, @Protocol, @FromPort, @ToPort, @CidrIpv4, @CidrIpv6,
                @GroupIdPeer, @PrefixListId, @Description, @identity, @now)
            """,
            new
            {
                groupId, userId, isEgress = rule.Direction == RuleDirection.Egress, rule.Protocol, rule.FromPort, rule.ToPort,
                rule.Peer.CidrIpv4, rule.Peer.CidrIpv6, GroupIdPeer = rule.Peer.GroupId, rule.Peer.PrefixListId, rule.Description,
                identity = RuleNormalizer.Identity(rule), now,
            },
            cancellationToken);
        return new SecurityGroupRule(id, groupId, userId, rule);
    }

    public static Task<int> UpdateAsync(Db db, long id, RuleSpec rule, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE security_group_rules SET protocol = @Protocol, from_port = @FromPort, to_port = @ToPort,
                cidr_ipv4 = @CidrIpv4, cidr_ipv6 = @CidrIpv6, referenced_group_id = @GroupIdPeer,
                prefix_list_id = @PrefixListId, description = @Description, identity = @identity
            WHERE id = @id
            """,
            new
            {
                id, rule.Protocol, rule.FromPort, rule.ToPort, rule.Peer.CidrIpv4, rule.Peer.CidrIpv6,
                GroupIdPeer = rule.Peer.GroupId, rule.Peer.PrefixListId, rule.Description, identity = RuleNormalizer.Identity(rule),
            },
            cancellationToken);

    public static Task<int> DeleteAsync(Db db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM security_group_rules WHERE id IN @ids", new { ids = ids.ToList() }, cancellationToken);

    private sealed record RuleRow
    {
        public long Id { get; init; }

        public long GroupId { get; init; }

        public required string UserId { get; init; }

        public bool IsEgress { get; init; }

        public required string Protocol { get; init; }

        public int? FromPort { get; init; }

        public int? ToPort { get; init; }

        public string? CidrIpv4 { get; init; }

        public string? CidrIpv6 { get; init; }

        public long? ReferencedGroupId { get; init; }

        public string? PrefixListId { get; init; }

        public string? Description { get; init; }

        public SecurityGroupRule ToRule() => new(Id, GroupId, UserId, new RuleSpec(
            IsEgress ? RuleDirection.Egress : RuleDirection.Ingress, Protocol, FromPort, ToPort,
            new RulePeer(CidrIpv4, CidrIpv6, ReferencedGroupId, PrefixListId), Description));
    }
}
