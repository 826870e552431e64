using System.Security.Cryptography;
using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Dispatch;

/// <summary>Who holds a backend's dispatcher lease, and until when.</summary>
public sealed record DispatcherLease(long BackendId, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset RenewedAt, DateTimeOffset ExpiresAt);

/// <summary>Where the dispatcher's leases are kept (the database; a test double in tests).</summary>
internal interface ILeaseStore
{
    Task<bool> TryAcquireAsync(long backendId, string holder, CancellationToken cancellationToken);

    Task ReleaseAsync(long backendId, string holder, CancellationToken cancellationToken);
}

/// <summary>
/// The lease that makes one process at a time the active dispatcher of a backend: a row per backend,
/// taken or renewed by a conditional UPDATE (it succeeds only for the current holder or once the
/// lease has expired), so exactly one of several racing processes wins. Times come from each
/// process's clock: hosts must keep their clocks in sync (NTP) to well under the lease's TTL.
/// </summary>
public sealed class DispatcherLeases(IDbConnectionFactory connections, TimeProvider clock, IOptions<DispatcherOptions> options) : ILeaseStore
{
    /// <summary>A holder id unique to one dispatcher: host, process and a random part.</summary>
    public static string NewHolderId() =>
        $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>Takes the lease if it is free or expired, or renews it if <paramref name="holder"/> has it.</summary>
    /// <returns>Whether <paramref name="holder"/> holds the lease now.</returns>
    public async Task<bool> TryAcquireAsync(long backendId, string holder, CancellationToken cancellationToken)
    {
        // Single statements without a transaction: a one-row UPDATE by key is atomic on its own, and
        // MariaDB could deadlock racing INSERT IGNOREs inside transactions.
        await using var connection = await connections.OpenAsync(cancellationToken);
        var db = new Db(connection, null, connections.Dialect);
        if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dispatcher_leases WHERE backend_id = @backendId", new { backendId }, cancellationToken) == 0)
        {
            await db.ExecuteAsync(
                $"{db.Dialect.InsertIgnore} INTO dispatcher_leases (backend_id, holder, acquired_at, renewed_at, expires_at) VALUES (@backendId, '', 0, 0, 0)",
                new { backendId }, cancellationToken);
        }
        var now = UnixTime.ToMicros(clock.GetUtcNow());
        var expires = now + (long)options.Value.LeaseTtl.TotalMicroseconds;
        // acquired_at is assigned before holder: MariaDB evaluates SET left to right.
        var updated = await db.ExecuteAsync(
            """
            UPDATE dispatcher_leases
            SET acquired_at = CASE WHEN holder = @holder THEN acquired_at ELSE @now END,
                holder = @holder, renewed_at = @now, expires_at = @expires
            WHERE backend_id = @backendId AND (holder = @holder OR expires_at <= @now)
            """,
            new { backendId, holder, now, expires }, cancellationToken);
        return updated == 1;
    }

    /// <summary>Gives the lease up at once (a graceful stop), so a standby need not wait for it to expire.</summary>
    public Task ReleaseAsync(long backendId, string holder, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => db.ExecuteAsync(
            "UPDATE dispatcher_leases SET expires_at = 0 WHERE backend_id = @backendId AND holder = @holder",
            new { backendId, holder }, cancellationToken), cancellationToken);

    /// <summary>The lease of every backend that ever had a dispatcher.</summary>
    public Task<IReadOnlyList<DispatcherLease>> ListAsync(CancellationToken cancellationToken) =>
        connections.ReadAsync(async db => (IReadOnlyList<DispatcherLease>)(await db.QueryAsync<LeaseRow>(
                """
                SELECT backend_id AS BackendId, holder AS Holder, acquired_at AS AcquiredAt, renewed_at AS RenewedAt, expires_at AS ExpiresAt
                FROM dispatcher_leases ORDER BY backend_id
                """, null, cancellationToken))
            .Select(r => new DispatcherLease(r.BackendId, r.Holder, UnixTime.FromMicros(r.AcquiredAt), UnixTime.FromMicros(r.RenewedAt), UnixTime.FromMicros(r.ExpiresAt)))
            .ToList(), cancellationToken);

    private sealed record LeaseRow(long BackendId, string Holder, long AcquiredAt, long RenewedAt, long ExpiresAt);
}
