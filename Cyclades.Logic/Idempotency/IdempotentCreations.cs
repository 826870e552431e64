using System.Data.Common;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Idempotency;

/// <summary>
/// Makes a resource at most once per idempotency key (per user and kind). The key is recorded in the transaction
/// that makes the resource, so a retry, or a racing request on another API node, is answered with the resource the
/// first one made; the same key with other parameters is refused. The key's row goes in first: a racing request
/// with the same key waits on its unique index (MariaDB) or on the write lock (SQLite) and fails there, before it
/// takes an address or quota, then replays. Keys are never removed: a retry after the resource was deleted is
/// answered with the deleted resource's id, as on AWS (each service says what it makes of it), never with a
/// second resource.
/// </summary>
public sealed class IdempotentCreations(IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>The resource an earlier request with the claim's key made, or null (also when there is no claim).</summary>
    /// <exception cref="IdempotencyMismatchException">The key was used with other parameters.</exception>
    public async Task<long?> EarlierAsync(IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        if (claim is null)
        {
            return null;
        }
        var row = await connections.ReadAsync(db => IdempotencyKeyRepository.FindAsync(db, claim, cancellationToken), cancellationToken);
        if (row is null)
        {
            return null;
        }
        // Committed with the resource: a row without one is never seen outside its own transaction.
        return row.Fingerprint == claim.Fingerprint
            ? row.ResourceId ?? throw new InvalidOperationException($"The idempotency key '{claim.Key}' names no resource.")
            : throw new IdempotencyMismatchException(claim.Key);
    }

    /// <summary>
    /// Runs <paramref name="create"/> (which returns the new resource's id) in one write transaction that also records
    /// the claim's key; or answers what an earlier request with the key made.
    /// </summary>
    /// <exception cref="IdempotencyMismatchException">The key was used with other parameters.</exception>
    public async Task<IdempotentOutcome> CreateOnceAsync(IdempotencyClaim? claim, Func<Db, Task<long>> create, CancellationToken cancellationToken)
    {
        // Twice at most: a key that is taken when inserted is found by the next look (keys are never removed).
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (await EarlierAsync(claim, cancellationToken) is { } earlier)
            {
                return new IdempotentOutcome(earlier, Replayed: true);
            }
            await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
            long? keyId = null;
            if (claim is not null)
            {
                try
                {
                    keyId = await IdempotencyKeyRepository.InsertAsync(transaction.Db, claim, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
                }
                catch (DbException e) when (DuplicateKey.IsViolation(e))
                {
                    continue;
                }
            }
            var id = await create(transaction.Db);
            if (keyId is { } recorded)
            {
                await IdempotencyKeyRepository.SetResourceAsync(transaction.Db, recorded, id, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return new IdempotentOutcome(id, Replayed: false);
        }
        throw new InvalidOperationException($"The idempotency key '{claim!.Key}' was taken, yet names nothing.");
    }
}
