using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>The <c>networks</c> table. A default network's cidr is not stored: it follows the public subnets.</summary>
internal static class NetworkRepository
{
    private const string Columns = """
        n.id AS Id, n.user_id AS UserId, n.cidr AS Cidr, n.is_default AS IsDefault, n.state AS State,
        n.dns_support AS DnsSupport, n.dns_hostnames AS DnsHostnames, n.commission_id AS CommissionId,
        n.created_at AS CreatedAt, n.updated_at AS UpdatedAt
        """;

    /// <summary>
    /// The user's default network, created if he has none (with DNS host names on, as AWS's default
    /// VPC has them). Run outside a transaction (each statement
    /// commits at once): the unique <c>default_for</c> index makes a concurrent creation on another node
    /// a no-op, and the read that follows sees whichever row won.
    /// </summary>
    public static async Task<NetworkRow> EnsureDefaultAsync(Db db, string userId, long now, CancellationToken cancellationToken)
    {
        if (db.Transaction is not null)
        {
            throw new InvalidOperationException("The default network is made outside a transaction.");
        }
        await db.ExecuteAsync(
            $"""
            {db.Dialect.InsertIgnore} INTO networks (user_id, default_for, is_default, state, dns_hostnames, created_at, updated_at)
            VALUES (@userId, @userId, 1, 'ACTIVE', @yes, @now, @now)
            """,
            new { userId, now, yes = true }, cancellationToken);
        return await FindDefaultAsync(db, userId, cancellationToken)
            ?? throw new InvalidOperationException($"The default network of '{userId}' was not created.");
    }

    /// <summary>
    /// SQL: the <c>networks</c> row aliased <paramref name="network"/> is the default network of <paramref name="user"/>
    /// (an SQL expression). One row a user at most, by the unique index; a default network is never deleted.
    /// </summary>
    public static string IsDefaultOf(string network, string user) => $"{network}.default_for = {user}";

    public static Task<NetworkRow?> FindDefaultAsync(Db db, string userId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<NetworkRow>(
            $"SELECT {Columns} FROM networks n WHERE {IsDefaultOf("n", "@userId")}", new { userId }, cancellationToken);

    public static Task<long> InsertPrivateAsync(Db db, string userId, string cidr, long now, CancellationToken cancellationToken) =>
        db.InsertAsync(
            """
            INSERT INTO networks (user_id, cidr, is_default, state, created_at, updated_at)
            VALUES (@userId, @cidr, 0, 'ACTIVE', @now, @now)
            """,
            new { userId, cidr, now }, cancellationToken);

    /// <summary>The user's live network with this id (another user's is not found).</summary>
    public static Task<NetworkRow?> GetAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<NetworkRow>(
            $"SELECT {Columns} FROM networks n WHERE n.id = @id AND n.user_id = @userId AND n.deleted = @no",
            new { id, userId, no = false }, cancellationToken);

    public static Task<NetworkRow?> LockAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<NetworkRow>(
            $"SELECT {Columns} FROM networks n WHERE n.id = @id AND n.user_id = @userId AND n.deleted = @no{db.Dialect.ForUpdate}",
            new { id, userId, no = false }, cancellationToken);

    /// <summary>The user's live networks in id order, optionally only those with these ids.</summary>
    public static async Task<IReadOnlyList<NetworkRow>> ListAsync(Db db, string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        (await db.QueryAsync<NetworkRow>(
            $"SELECT {Columns} FROM networks n WHERE n.user_id = @userId AND n.deleted = @no{(ids is null ? "" : " AND n.id IN @ids")} ORDER BY n.id",
            new { userId, no = false, ids }, cancellationToken)).ToList();

    public static Task AttachCommissionAsync(Db db, long id, long commissionId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE networks SET commission_id = @commissionId WHERE id = @id", new { id, commissionId }, cancellationToken);

    public static Task MarkDeletedAsync(Db db, long id, long? commissionId, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE networks SET deleted = @yes, state = 'DELETED', deleted_at = @now, updated_at = @now, commission_id = @commissionId WHERE id = @id",
            new { id, now, commissionId, yes = true }, cancellationToken);

    public static Task SetDnsAsync(Db db, long id, bool dnsSupport, bool dnsHostnames, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE networks SET dns_support = @dnsSupport, dns_hostnames = @dnsHostnames, updated_at = @now WHERE id = @id",
            new { id, dnsSupport, dnsHostnames, now }, cancellationToken);

    /// <summary>How many live private networks the user has (what <c>cyclades.network.private</c> counts).</summary>
    public static Task<long> CountPrivateAsync(Db db, string userId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM networks WHERE user_id = @userId AND is_default = @no AND deleted = @no",
            new { userId, no = false }, cancellationToken);

    internal sealed record NetworkRow
    {
        public long Id { get; init; }

        public required string UserId { get; init; }

        public string? Cidr { get; init; }

        public bool IsDefault { get; init; }

        public required string State { get; init; }

        public bool DnsSupport { get; init; }

        public bool DnsHostnames { get; init; }

        public long? CommissionId { get; init; }

        public long CreatedAt { get; init; }

        public long UpdatedAt { get; init; }

        /// <param name="defaultCidr">The block a default network shows (it stores none).</param>
        public Network ToNetwork(string defaultCidr) => new(
            Id, UserId, Cidr ?? defaultCidr, IsDefault, DbNames.Parse<NetworkState>(State), DnsSupport, DnsHostnames, CommissionId,
            UnixTime.FromMicros(CreatedAt), UnixTime.FromMicros(UpdatedAt));
    }
}
