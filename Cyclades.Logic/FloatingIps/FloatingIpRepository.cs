using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.FloatingIps;

/// <summary>The <c>floating_ips</c> table, always read for one user; released rows are flagged deleted.</summary>
internal static class FloatingIpRepository
{
    private const string Columns = """
        f.id AS Id, f.user_id AS UserId, f.subnet_id AS SubnetId, s.backend_id AS BackendId, f.address AS Address,
        f.port_id AS PortId, p.server_id AS ServerId, f.created_at AS CreatedAt
        """;

    private const string From = """
        floating_ips f JOIN subnets s ON s.id = f.subnet_id LEFT JOIN ports p ON p.id = f.port_id
        """;

    public static Task<long> InsertAsync(Db db, string userId, long subnetId, string address, long commissionId, long now, CancellationToken cancellationToken) =>
        db.InsertAsync(
            """
            INSERT INTO floating_ips (user_id, subnet_id, address, commission_id, created_at, updated_at)
            VALUES (@userId, @subnetId, @address, @commissionId, @now, @now)
            """,
            new { userId, subnetId, address, commissionId, now }, cancellationToken);

    /// <summary>The user's live floating IPs in id order, optionally only these ids.</summary>
    public static async Task<IReadOnlyList<FloatingIp>> ListAsync(Db db, string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Row>(
            $"SELECT {Columns} FROM {From} WHERE f.user_id = @userId AND f.deleted = @no{(ids is null ? "" : " AND f.id IN @ids")} ORDER BY f.id",
            new { userId, ids, no = false }, cancellationToken)).Select(r => r.ToFloatingIp()).ToList();

    /// <summary>
    /// Locks the user's live floating IP with this id, or else with this address; null if he has none.
    /// Only the floating IP's row is locked (a locking read over the join would lock its subnet too).
    /// </summary>
    public static async Task<FloatingIp?> LockAsync(Db db, string userId, long? id, string? address, CancellationToken cancellationToken)
    {
        var locked = await db.QuerySingleOrDefaultAsync<long?>(
            $"""
            SELECT f.id FROM floating_ips f
            WHERE f.user_id = @userId AND f.deleted = @no AND {(id is null ? "f.address = @address" : "f.id = @id")}{db.Dialect.ForUpdate}
            """,
            new { userId, id, address, no = false }, cancellationToken);
        return locked is { } found ? (await ListAsync(db, userId, [found], cancellationToken)).Single() : null;
    }

    public static Task MarkDeletedAsync(Db db, long id, long commissionId, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE floating_ips SET deleted = @yes, deleted_at = @now, updated_at = @now, commission_id = @commissionId WHERE id = @id",
            new { id, commissionId, now, yes = true }, cancellationToken);

    /// <summary>The floating IP (and its pool row) is carried by this port.</summary>
    public static async Task AttachPortAsync(Db db, long id, long portId, long now, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("UPDATE floating_ips SET port_id = @portId, updated_at = @now WHERE id = @id", new { id, portId, now }, cancellationToken);
        await db.ExecuteAsync("UPDATE ip_addresses SET port_id = @portId WHERE floating_ip_id = @id", new { id, portId }, cancellationToken);
    }

    /// <summary>Gives the floating IP's address back to its subnet's pool.</summary>
    public static Task ReleaseAddressAsync(Db db, long id, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM ip_addresses WHERE floating_ip_id = @id", new { id }, cancellationToken);

    /// <summary>How many live floating IPs the user holds (what <c>cyclades.floating_ip</c> counts).</summary>
    public static Task<long> CountAsync(Db db, string userId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM floating_ips WHERE user_id = @userId AND deleted = @no", new { userId, no = false }, cancellationToken);

    private sealed record Row
    {
        public long Id { get; init; }

        public required string UserId { get; init; }

        public long SubnetId { get; init; }

        public long BackendId { get; init; }

        public required string Address { get; init; }

        public long? PortId { get; init; }

        public long? ServerId { get; init; }

        public long CreatedAt { get; init; }

        public FloatingIp ToFloatingIp() => new(Id, UserId, SubnetId, BackendId, Address, PortId, ServerId, UnixTime.FromMicros(CreatedAt));
    }
}
