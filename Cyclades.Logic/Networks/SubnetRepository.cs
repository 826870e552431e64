using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>
/// The <c>subnets</c> table. Read for a user, a public subnet carries his own settings
/// (<c>subnet_user_settings</c>) over the operator's.
/// </summary>
internal static class SubnetRepository
{
    private const string Columns = """
        t.id AS Id, t.network_id AS NetworkId, t.user_id AS UserId, t.backend_id AS BackendId, t.cidr AS Cidr,
        t.gateway AS Gateway, t.is_public AS IsPublic, t.auto_public_address AS AutoPublicAddress, t.state AS State,
        t.cluster_ready AS ClusterReady, t.created_at AS CreatedAt, t.updated_at AS UpdatedAt
        """;

    private const string ForUserColumns = """
        t.id AS Id, t.network_id AS NetworkId, t.user_id AS UserId, t.backend_id AS BackendId, t.cidr AS Cidr,
        t.gateway AS Gateway, t.is_public AS IsPublic, COALESCE(u.auto_public_address, t.auto_public_address) AS AutoPublicAddress,
        t.state AS State, t.cluster_ready AS ClusterReady, t.created_at AS CreatedAt, t.updated_at AS UpdatedAt
        """;

    private const string ForUserFrom = """
        subnets t LEFT JOIN subnet_user_settings u ON u.subnet_id = t.id AND u.user_id = @userId
        """;

    /// <summary>What a user sees: the live public subnets and his own.</summary>
    private const string VisibleTo = "t.deleted = @no AND (t.is_public = @yes OR t.user_id = @userId)";

    /// <summary>
    /// Makes the backend's public subnet exist with the backend's range. Run outside a transaction
    /// (each statement commits at once), so that nodes doing it at the same time never deadlock: the
    /// unique <c>public_of</c> index turns the later inserts into no-ops.
    /// </summary>
    public static async Task EnsurePublicAsync(Db db, long backendId, string cidr, long now, CancellationToken cancellationToken)
    {
        if (db.Transaction is not null)
        {
            throw new InvalidOperationException("Public subnets are made outside a transaction.");
        }
        var gateway = Ipv4Block.Parse(cidr).FirstHost;
        await db.ExecuteAsync(
            $"""
            {db.Dialect.InsertIgnore} INTO subnets (backend_id, public_of, cidr, gateway, is_public, auto_public_address, state, cluster_ready, created_at, updated_at)
            VALUES (@backendId, @backendId, @cidr, @gateway, 1, 1, 'ACTIVE', 1, @now, @now)
            """,
            new { backendId, cidr, gateway, now }, cancellationToken);
        await db.ExecuteAsync(
            "UPDATE subnets SET cidr = @cidr, gateway = @gateway, updated_at = @now WHERE public_of = @backendId AND cidr <> @cidr",
            new { backendId, cidr, gateway, now }, cancellationToken);
    }

    /// <summary>Locks the backend's public subnet (made by <see cref="EnsurePublicAsync"/>): its pool hands out one address at a time.</summary>
    public static async Task<SubnetRow> LockPublicAsync(Db db, long backendId, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<SubnetRow>(
            $"SELECT {Columns} FROM subnets t WHERE t.public_of = @backendId{db.Dialect.ForUpdate}", new { backendId }, cancellationToken)
        ?? throw new InvalidOperationException($"Backend {backendId} has no public subnet.");

    public static async Task<IReadOnlyList<SubnetRow>> ListPublicAsync(Db db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<SubnetRow>(
            $"SELECT {Columns} FROM subnets t WHERE t.is_public = @yes AND t.deleted = @no ORDER BY t.backend_id",
            new { yes = true, no = false }, cancellationToken)).ToList();

    /// <summary>A subnet whoever owns it, deleted ones too (the dispatcher's view).</summary>
    public static Task<SubnetRow?> GetAsync(Db db, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<SubnetRow>($"SELECT {Columns} FROM subnets t WHERE t.id = @id", new { id }, cancellationToken);

    /// <summary>A live subnet the user may use (public, or his own), with his settings.</summary>
    public static Task<SubnetRow?> GetForUserAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<SubnetRow>(
            $"SELECT {ForUserColumns} FROM {ForUserFrom} WHERE t.id = @id AND {VisibleTo}",
            new { id, userId, yes = true, no = false }, cancellationToken);

    /// <summary>Locks a live subnet the user may use (his settings applied); null if there is none.</summary>
    public static Task<SubnetRow?> LockForUserAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<SubnetRow>(
            $"SELECT {ForUserColumns} FROM {ForUserFrom} WHERE t.id = @id AND {VisibleTo}{db.Dialect.ForUpdate}",
            new { id, userId, yes = true, no = false }, cancellationToken);

    /// <summary>The live subnets the user sees (public ones and his own) in id order, optionally only these ids.</summary>
    public static async Task<IReadOnlyList<SubnetRow>> ListForUserAsync(Db db, string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        (await db.QueryAsync<SubnetRow>(
            $"SELECT {ForUserColumns} FROM {ForUserFrom} WHERE {VisibleTo}{(ids is null ? "" : " AND t.id IN @ids")} ORDER BY t.id",
            new { userId, ids, yes = true, no = false }, cancellationToken)).ToList();

    /// <summary>The live subnets of a private network.</summary>
    public static async Task<IReadOnlyList<SubnetRow>> ListByNetworkAsync(Db db, long networkId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<SubnetRow>(
            $"SELECT {Columns} FROM subnets t WHERE t.network_id = @networkId AND t.deleted = @no ORDER BY t.id",
            new { networkId, no = false }, cancellationToken)).ToList();

    public static Task<long> InsertPrivateAsync(
        Db db, string userId, long networkId, long backendId, string cidr, string gateway, long now, CancellationToken cancellationToken) =>
        db.InsertAsync(
            """
            INSERT INTO subnets (network_id, user_id, backend_id, cidr, gateway, is_public, auto_public_address, state, cluster_ready, created_at, updated_at)
            VALUES (@networkId, @userId, @backendId, @cidr, @gateway, 0, 0, 'ACTIVE', 0, @now, @now)
            """,
            new { networkId, userId, backendId, cidr, gateway, now }, cancellationToken);

    public static Task MarkDeletedAsync(Db db, long id, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE subnets SET deleted = @yes, state = 'DELETED', deleted_at = @now, updated_at = @now WHERE id = @id",
            new { id, now, yes = true }, cancellationToken);

    /// <summary>A private subnet's own setting, or the user's setting of a public one.</summary>
    public static async Task SetAutoPublicAddressAsync(Db db, string userId, SubnetRow subnet, bool value, long now, CancellationToken cancellationToken)
    {
        if (!subnet.IsPublic)
        {
            await db.ExecuteAsync(
                "UPDATE subnets SET auto_public_address = @value, updated_at = @now WHERE id = @Id",
                new { subnet.Id, value, now }, cancellationToken);
            return;
        }
        await db.ExecuteAsync(
            "DELETE FROM subnet_user_settings WHERE subnet_id = @Id AND user_id = @userId", new { subnet.Id, userId }, cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO subnet_user_settings (subnet_id, user_id, auto_public_address) VALUES (@Id, @userId, @value)",
            new { subnet.Id, userId, value }, cancellationToken);
    }

    public static Task SetClusterReadyAsync(Db db, long id, bool ready, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE subnets SET cluster_ready = @ready, updated_at = @now WHERE id = @id", new { id, ready, now }, cancellationToken);

    internal sealed record SubnetRow
    {
        public long Id { get; init; }

        public long? NetworkId { get; init; }

        public string? UserId { get; init; }

        public long BackendId { get; init; }

        public required string Cidr { get; init; }

        public required string Gateway { get; init; }

        public bool IsPublic { get; init; }

        public bool AutoPublicAddress { get; init; }

        public required string State { get; init; }

        public bool ClusterReady { get; init; }

        public long CreatedAt { get; init; }

        public long UpdatedAt { get; init; }

        public Subnet ToSubnet() => new(
            Id, NetworkId, UserId, BackendId, Cidr, Gateway, IsPublic, AutoPublicAddress, DbNames.Parse<SubnetState>(State), ClusterReady,
            UnixTime.FromMicros(CreatedAt), UnixTime.FromMicros(UpdatedAt));
    }
}
