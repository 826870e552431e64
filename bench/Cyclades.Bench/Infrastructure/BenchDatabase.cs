using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Cyclades.Bench.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    MariaDb,
}

/// <summary>A database the service runs on: how the service is configured for it, and how the benchmark opens it.</summary>
public sealed record BenchDatabase(DatabaseKind Kind, string ConnectionString)
{
    public string Label => Kind == DatabaseKind.Sqlite ? "SQLite" : "MariaDB";

    public static BenchDatabase Sqlite(string dataDirectory) =>
        new(DatabaseKind.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "cyclades.db") }.ConnectionString);

    public IEnumerable<KeyValuePair<string, string>> ServiceSettings() => Kind == DatabaseKind.Sqlite
        ? [KeyValuePair.Create("Cyclades:Database:Provider", "Sqlite"), KeyValuePair.Create("Cyclades:Database:ConnectionString", ConnectionString)]
        : [KeyValuePair.Create("Cyclades:Database:Provider", "MySql"), KeyValuePair.Create("Cyclades:Database:ConnectionString", ConnectionString)];

    /// <summary>A connection for the benchmark's own work (bulk loading, the bare-transaction ceiling).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(ConnectionString) : new MySqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection)
        {
            await using var pragma = connection.CreateCommand();
            // The service's own connection settings: WAL, NORMAL sync, and waiting for the write lock.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    /// <summary>
    /// A connection for loading rows that are consistent by construction: on MariaDB without the
    /// per-row unique and foreign-key checks (the usual bulk-load settings; the indexes are still built).
    /// </summary>
    public async Task<DbConnection> OpenForBulkLoadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        if (connection is MySqlConnection)
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = "SET SESSION unique_checks = 0, foreign_key_checks = 0";
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    /// <summary>
    /// After a bulk load, lets the database finish writing it out — SQLite checkpoints its WAL; MariaDB
    /// flushes its dirty pages — so that what is measured next is the service, not the load's aftermath.
    /// </summary>
    public async Task SettleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (connection is SqliteConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition("ANALYZE TABLE servers, launches, tags", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("SET GLOBAL innodb_max_dirty_pages_pct = 0", cancellationToken: cancellationToken));
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline && await DirtyPagesAsync(connection, cancellationToken) > 100)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SET GLOBAL innodb_max_dirty_pages_pct = DEFAULT", cancellationToken: CancellationToken.None));
        }
    }

    private static async Task<long> DirtyPagesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QuerySingleAsync<(string Name, long Value)>(new CommandDefinition(
            "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'", cancellationToken: cancellationToken))).Value;

    /// <summary>A write transaction as the service begins one: the write lock at once on SQLite, READ COMMITTED on MariaDB.</summary>
    public static DbTransaction BeginWrite(DbConnection connection) => connection is SqliteConnection sqlite
        ? sqlite.BeginTransaction(deferred: false)
        : connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
}
