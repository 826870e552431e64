using System.Data.Common;
using Dapper;

namespace Cyclades.Logic.Persistence;

/// <summary>
/// A connection, the transaction its statements belong to (null for plain reads) and the dialect:
/// what every repository method takes, so the transaction is always passed explicitly.
/// </summary>
public readonly record struct Db(DbConnection Connection, DbTransaction? Transaction, SqlDialect Dialect)
{
    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));

    /// <summary>Runs a query and reads each row with <paramref name="read"/>, for rows read column by column (see <see cref="RowCursor"/>).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        // Disposed with Dispose, not DisposeAsync: Dapper's wrapped reader disposes its command only in Dispose. A command
        // left to the finalizer finalizes its statement on the finalizer thread, which in SQLite's multi-thread mode
        // (SqliteThreadingMode) races the thread using the connection and corrupts it.
        using var reader = await Connection.ExecuteReaderAsync(Command(sql, parameters, cancellationToken));
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>As <see cref="QueryAsync{T}(string, object?, Func{DbDataReader, T}, CancellationToken)"/>, for at most one row.</summary>
    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        (await QueryAsync(sql, parameters, read, cancellationToken)).SingleOrDefault();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken))!;

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    /// <summary>Runs an INSERT and returns the id it generated.</summary>
    public async Task<long> InsertAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await ExecuteAsync(sql, parameters, cancellationToken);
        return await ExecuteScalarAsync<long>(Dialect.LastInsertId, null, cancellationToken);
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);
}
