using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.KeyPairs;

internal static class KeyPairRepository
{
    private const string Select = """
        SELECT id AS Id, user_id AS UserId, name AS Name, key_type AS KeyType, fingerprint AS Fingerprint,
            public_key AS PublicKey, created_at AS CreatedAt
        FROM key_pairs
        """;

    public static async Task<IReadOnlyList<KeyPair>> ListAsync(Db db, string userId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<KeyPairRow>($"{Select} WHERE user_id = @userId ORDER BY id", new { userId }, cancellationToken))
            .Select(r => r.ToKeyPair()).ToList();

    public static async Task<KeyPair?> FindAsync(Db db, string userId, string name, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<KeyPairRow>($"{Select} WHERE user_id = @userId AND name = @name", new { userId, name }, cancellationToken))
            ?.ToKeyPair();

    public static async Task<KeyPair?> GetAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<KeyPairRow>($"{Select} WHERE user_id = @userId AND id = @id", new { userId, id }, cancellationToken))
            ?.ToKeyPair();

    /// <summary>Inserts the key pair; a name the user already has fails with a unique-index violation.</summary>
    public static async Task<KeyPair> InsertAsync(Db db, string userId, string name, KeyType type, string fingerprint, string publicKey, long now, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO key_pairs (user_id, name, key_type, fingerprint, public_key, created_at)
            VALUES (@userId, @name, @type, @fingerprint, @publicKey, @now)
            """,
            new { userId, name, type = type.ToDb(), fingerprint, publicKey, now }, cancellationToken);
        return new KeyPair(id, userId, name, type, fingerprint, publicKey, UnixTime.FromMicros(now));
    }

    public static Task DeleteAsync(Db db, long id, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM key_pairs WHERE id = @id", new { id }, cancellationToken);

    private sealed record KeyPairRow
    {
        public long Id { get; init; }

        public required string UserId { get; init; }

        public required string Name { get; init; }

        public required string KeyType { get; init; }

        public required string Fingerprint { get; init; }

        public required string PublicKey { get; init; }

        public long CreatedAt { get; init; }

        public KeyPair ToKeyPair() =>
            new(Id, UserId, Name, DbNames.Parse<KeyType>(KeyType), Fingerprint, PublicKey, UnixTime.FromMicros(CreatedAt));
    }
}
