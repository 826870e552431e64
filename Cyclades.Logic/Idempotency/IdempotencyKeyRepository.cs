using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Idempotency;

internal static class IdempotencyKeyRepository
{
    public static Task<IdempotencyKeyRow?> FindAsync(Db db, IdempotencyClaim claim, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<IdempotencyKeyRow>(
            """
            SELECT fingerprint AS Fingerprint, resource_id AS ResourceId FROM idempotency_keys
            WHERE user_id = @UserId AND kind = @kind AND idempotency_key = @Key
            """,
            new { claim.UserId, kind = KindOf(claim), claim.Key }, cancellationToken);

    /// <summary>Records the key (its resource to follow); one recorded already fails with a unique-index violation.</summary>
    public static Task<long> InsertAsync(Db db, IdempotencyClaim claim, long now, CancellationToken cancellationToken) =>
        db.InsertAsync(
            """
            INSERT INTO idempotency_keys (user_id, kind, idempotency_key, fingerprint, created_at)
            VALUES (@UserId, @kind, @Key, @Fingerprint, @now)
            """,
            new { claim.UserId, kind = KindOf(claim), claim.Key, claim.Fingerprint, now }, cancellationToken);

    public static Task SetResourceAsync(Db db, long id, long resourceId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE idempotency_keys SET resource_id = @resourceId WHERE id = @id", new { id, resourceId }, cancellationToken);

    private static string KindOf(IdempotencyClaim claim) => claim.Kind.ToString().ToLowerInvariant();

    internal sealed record IdempotencyKeyRow
    {
        public required string Fingerprint { get; init; }

        public long? ResourceId { get; init; }
    }
}
