using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Launches;

internal static class LaunchRepository
{
    private const string Columns =
        "id AS Id, user_id AS UserId, idempotency_key AS IdempotencyKey, fingerprint AS Fingerprint, created_at AS CreatedAt";

    public static async Task<Launch?> FindAsync(Db db, string userId, string idempotencyKey, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<LaunchRow>(
            $"SELECT {Columns} FROM launches WHERE user_id = @userId AND idempotency_key = @idempotencyKey",
            new { userId, idempotencyKey }, cancellationToken))?.ToLaunch();

    public static async Task<Launch?> GetAsync(Db db, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<LaunchRow>(
            $"SELECT {Columns} FROM launches WHERE id = @id", new { id }, cancellationToken))?.ToLaunch();

    /// <summary>Inserts the launch; a duplicate idempotency key fails with a unique-index violation.</summary>
    public static async Task<Launch> InsertAsync(Db db, string userId, string? idempotencyKey, string fingerprint, long now, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            "INSERT INTO launches (user_id, idempotency_key, fingerprint, created_at) VALUES (@userId, @idempotencyKey, @fingerprint, @now)",
            new { userId, idempotencyKey, fingerprint, now }, cancellationToken);
        return new Launch(id, userId, idempotencyKey, fingerprint, UnixTime.FromMicros(now));
    }

    private sealed record LaunchRow
    {
        public long Id { get; init; }

        public required string UserId { get; init; }

        public string? IdempotencyKey { get; init; }

        public required string Fingerprint { get; init; }

        public long CreatedAt { get; init; }

        public Launch ToLaunch() => new(Id, UserId, IdempotencyKey, Fingerprint, UnixTime.FromMicros(CreatedAt));
    }
}
