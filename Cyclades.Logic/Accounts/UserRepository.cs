using System.Data.Common;
using Cyclades.Logic.Persistence;
using Dapper;

namespace Cyclades.Logic.Accounts;

/// <summary>The <c>users</c> table.</summary>
public sealed class UserRepository(SqlDialect dialect)
{
    private const string Columns = "id AS Id, name AS Name, disabled AS Disabled, created_at AS CreatedAt";

    public async Task<User> InsertAsync(DbConnection connection, DbTransaction? transaction, string name, DateTimeOffset createdAt)
    {
        await connection.ExecuteAsync(
            "INSERT INTO users (name, disabled, created_at) VALUES (@name, @disabled, @createdAt)",
            new { name, disabled = false, createdAt = UnixTime.ToMicros(createdAt) }, transaction);
        var id = await connection.ExecuteScalarAsync<long>(dialect.LastInsertId, transaction: transaction);
        return new User(id, name, false, UnixTime.FromMicros(UnixTime.ToMicros(createdAt)));
    }

    public async Task<User?> FindByNameAsync(DbConnection connection, DbTransaction? transaction, string name)
    {
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
            $"SELECT {Columns} FROM users WHERE name = @name", new { name }, transaction);
        return row?.ToUser();
    }

    public async Task<User?> FindByIdAsync(DbConnection connection, DbTransaction? transaction, long id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
            $"SELECT {Columns} FROM users WHERE id = @id", new { id }, transaction);
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<User>> ListAsync(DbConnection connection, DbTransaction? transaction)
    {
        var rows = await connection.QueryAsync<UserRow>($"SELECT {Columns} FROM users ORDER BY id", transaction: transaction);
        return rows.Select(r => r.ToUser()).ToList();
    }

    public async Task<bool> SetDisabledAsync(DbConnection connection, DbTransaction? transaction, long id, bool disabled) =>
        await connection.ExecuteAsync("UPDATE users SET disabled = @disabled WHERE id = @id", new { id, disabled }, transaction) == 1;

    private sealed class UserRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public bool Disabled { get; init; }
        public long CreatedAt { get; init; }

        public User ToUser() => new(Id, Name, Disabled, UnixTime.FromMicros(CreatedAt));
    }
}
