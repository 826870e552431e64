using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using SQLitePCL;

namespace Cyclades.Logic.Persistence;

/// <summary>The one way the logic layer gets a database connection.</summary>
public interface IDbConnectionFactory
{
    SqlDialect Dialect { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}

public sealed class DbConnectionFactory : IDbConnectionFactory
{
    /// <summary>The native SQLite connections already set up: the pool hands the same one out again, settings and all.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    private readonly DatabaseTarget _target;

    public DbConnectionFactory(DatabaseTarget target, ILogger<DbConnectionFactory>? logger = null)
    {
        _target = target;
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            SqliteThreadingMode.Apply();
            SqliteFile.Prepare(target.ConnectionString, logger);
        }
    }

    public SqlDialect Dialect => _target.Dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = _target.Provider == DatabaseProvider.MySql
            ? new MySqlConnection(_target.ConnectionString)
            : new SqliteConnection(_target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection { Handle: { } handle } && !Configured.TryGetValue(handle, out _))
            {
                await using var pragma = connection.CreateCommand();
                // WAL lets readers run beside the single writer; busy_timeout makes writers queue
                // instead of failing when another connection holds the write lock.
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                Configured.AddOrUpdate(handle, handle);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
