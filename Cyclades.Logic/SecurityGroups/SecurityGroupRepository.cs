using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.SecurityGroups;

internal static class SecurityGroupRepository
{
    private const string Select = """
        SELECT id AS Id, user_id AS UserId, network_id AS NetworkId, name AS Name, description AS Description,
            is_default AS IsDefault, created_at AS CreatedAt
        FROM security_groups
        """;

    public static string NameKey(string name) => name.ToUpperInvariant();

    /// <param name="ids">Null: every group of the user.</param>
    public static async Task<IReadOnlyList<SecurityGroup>> ListAsync(Db db, string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        ids is { Count: 0 }
            ? []
            : (await db.QueryAsync<GroupRow>(
                    $"{Select} WHERE user_id = @userId{(ids is null ? "" : " AND id IN @ids")} ORDER BY id",
                    new { userId, ids = ids?.ToList() }, cancellationToken))
                .Select(r => r.ToGroup()).ToList();

    /// <summary>The user's groups with these ids, and the default group of each of these networks that has one.</summary>
    public static async Task<IReadOnlyList<SecurityGroup>> ListWithDefaultsAsync(
        Db db, string userId, IReadOnlyCollection<long> ids, IReadOnlyCollection<long> defaultsOfNetworks, CancellationToken cancellationToken) =>
        ids.Count == 0 && defaultsOfNetworks.Count == 0
            ? []
            : (await db.QueryAsync<GroupRow>(
                    $"{Select} WHERE user_id = @userId AND (id IN @ids OR (network_id IN @networkIds AND name_key = @key AND is_default = @yes)) ORDER BY id",
                    new { userId, ids = ids.ToList(), networkIds = defaultsOfNetworks.ToList(), key = NameKey(SecurityGroupService.DefaultName), yes = true },
                    cancellationToken))
                .Select(r => r.ToGroup()).ToList();

    public static async Task<SecurityGroup?> GetAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<GroupRow>($"{Select} WHERE user_id = @userId AND id = @id", new { userId, id }, cancellationToken))
            ?.ToGroup();

    public static async Task<SecurityGroup?> FindAsync(Db db, string userId, long networkId, string name, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<GroupRow>(
            $"{Select} WHERE user_id = @userId AND network_id = @networkId AND name_key = @key",
            new { userId, networkId, key = NameKey(name) }, cancellationToken))?.ToGroup();

    /// <summary>Inserts the group; a name the network already has fails with a unique-index violation.</summary>
    public static async Task<SecurityGroup> InsertAsync(Db db, string userId, long networkId, string name, string description, bool isDefault, long now, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO security_groups (user_id, network_id, name, name_key, description, is_default, created_at)
            VALUES (@userId, @networkId, @name, @key, @description, @isDefault, @now)
            """,
            new { userId, networkId, name, key = NameKey(name), description, isDefault, now }, cancellationToken);
        return new SecurityGroup(id, userId, networkId, name, description, isDefault, UnixTime.FromMicros(now));
    }

    /// <summary>Whether a port uses the group or a rule of another group names it.</summary>
    public static Task<bool> IsInUseAsync(Db db, long id, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<bool>(
            """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM port_security_groups WHERE group_id = @id)
                OR EXISTS (SELECT 1 FROM security_group_rules WHERE referenced_group_id = @id AND group_id <> @id)
            THEN 1 ELSE 0 END
            """,
            new { id }, cancellationToken);

    public static async Task DeleteAsync(Db db, long id, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("DELETE FROM security_group_rules WHERE group_id = @id", new { id }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM security_groups WHERE id = @id", new { id }, cancellationToken);
    }

    private sealed record GroupRow
    {
        public long Id { get; init; }

        public required string UserId { get; init; }

        public long NetworkId { get; init; }

        public required string Name { get; init; }

        public required string Description { get; init; }

        public bool IsDefault { get; init; }

        public long CreatedAt { get; init; }

        public SecurityGroup ToGroup() => new(Id, UserId, NetworkId, Name, Description, IsDefault, UnixTime.FromMicros(CreatedAt));
    }
}
