using System.Data.Common;
using Cyclades.Logic.Persistence;
using Dapper;

namespace Cyclades.Logic.Accounts;

/// <summary>The <c>access_keys</c> table. Secrets go in and out encrypted; <see cref="AccountService"/> decrypts.</summary>
public sealed class AccessKeyRepository
{
    private const string Columns = "id AS Id, user_id AS UserId, created_at AS CreatedAt, revoked_at AS RevokedAt";

    public async Task InsertAsync(DbConnection connection, DbTransaction? transaction, string id, long userId, byte[] secretCiphertext, DateTimeOffset createdAt) =>
        await connection.ExecuteAsync(
            "INSERT INTO access_keys (id, user_id, secret_ciphertext, created_at, revoked_at) VALUES (@id, @userId, @secretCiphertext, @createdAt, NULL)",
            new { id, userId, secretCiphertext, createdAt = UnixTime.ToMicros(createdAt) }, transaction);

    /// <summary>Sets a new secret and makes the key active again (bootstrap keys are declared, not generated).</summary>
    public async Task ReplaceSecretAsync(DbConnection connection, DbTransaction? transaction, string id, byte[] secretCiphertext) =>
        await connection.ExecuteAsync(
            "UPDATE access_keys SET secret_ciphertext = @secretCiphertext, revoked_at = NULL WHERE id = @id",
            new { id, secretCiphertext }, transaction);

    public async Task<AccessKey?> FindAsync(DbConnection connection, DbTransaction? transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AccessKeyRow>(
            $"SELECT {Columns} FROM access_keys WHERE id = @id", new { id }, transaction);
        return row?.ToAccessKey();
    }

    public async Task<IReadOnlyList<AccessKey>> ListByUserAsync(DbConnection connection, DbTransaction? transaction, long userId)
    {
        var rows = await connection.QueryAsync<AccessKeyRow>(
            $"SELECT {Columns} FROM access_keys WHERE user_id = @userId ORDER BY created_at, id", new { userId }, transaction);
        return rows.Select(r => r.ToAccessKey()).ToList();
    }

    /// <summary>True when the key was active and is now revoked.</summary>
    public async Task<bool> RevokeAsync(DbConnection connection, DbTransaction? transaction, string id, DateTimeOffset revokedAt) =>
        await connection.ExecuteAsync(
            "UPDATE access_keys SET revoked_at = @revokedAt WHERE id = @id AND revoked_at IS NULL",
            new { id, revokedAt = UnixTime.ToMicros(revokedAt) }, transaction) == 1;

    /// <summary>An active key of an enabled user, with its encrypted secret; null otherwise.</summary>
    public async Task<ActiveKeyRow?> FindActiveAsync(DbConnection connection, string id) =>
        await connection.QuerySingleOrDefaultAsync<ActiveKeyRow>(
            """
            SELECT k.id AS AccessKeyId, k.user_id AS UserId, u.name AS UserName, k.secret_ciphertext AS SecretCiphertext
            FROM access_keys k JOIN users u ON u.id = k.user_id
            WHERE k.id = @id AND k.revoked_at IS NULL AND u.disabled = @disabled
            """,
            new { id, disabled = false });

    public sealed class ActiveKeyRow
    {
        public string AccessKeyId { get; init; } = "";
        public long UserId { get; init; }
        public string UserName { get; init; } = "";
        public byte[] SecretCiphertext { get; init; } = [];
    }

    private sealed class AccessKeyRow
    {
        public string Id { get; init; } = "";
        public long UserId { get; init; }
        public long CreatedAt { get; init; }
        public long? RevokedAt { get; init; }

        public AccessKey ToAccessKey() => new(Id, UserId, UnixTime.FromMicros(CreatedAt), UnixTime.FromMicros(RevokedAt));
    }
}
