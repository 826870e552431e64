using Cyclades.Logic.Persistence;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test fixture: a temporary SQLite file or a new database on
/// the test MariaDB server. Dispose drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _mariaDbName;
    private readonly string? _sqliteDirectory;

    private TestDatabase(DatabaseTarget target, string? mariaDbName, string? sqliteDirectory)
    {
        Target = target;
        Connections = new DbConnectionFactory(target);
        _mariaDbName = mariaDbName;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseTarget Target { get; }

    public IDbConnectionFactory Connections { get; }

    public SqlDialect Dialect => Target.Dialect;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.MySql)
        {
            var name = "cyc_" + Guid.NewGuid().ToString("N")[..16];
            var connectionString = await MariaDbServer.Instance.CreateDatabaseAsync(name);
            database = new TestDatabase(new DatabaseTarget(provider, connectionString), name, null);
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), "cyclades-test-sqlite", Guid.NewGuid().ToString("N"));
            PrivateFiles.EnsureDirectory(directory);
            var connectionString = $"Data Source={Path.Combine(directory, "cyclades.db")}";
            database = new TestDatabase(new DatabaseTarget(provider, connectionString), null, directory);
        }
        if (migrate)
        {
            new SchemaMigrator(database.Target).MigrateUp();
        }
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_mariaDbName is not null)
        {
            // Idle pooled sessions of a dropped database would otherwise stay open for the pool's idle timeout and,
            // across a few hundred fixtures, exhaust the server's connections.
            await using (var pooled = new MySqlConnector.MySqlConnection(Target.ConnectionString))
            {
                await MySqlConnector.MySqlConnection.ClearPoolAsync(pooled);
            }
            await MariaDbServer.Instance.DropDatabaseAsync(_mariaDbName);
        }
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // a pooled connection of another fixture may still hold the file; it is in /tmp
            }
        }
    }
}
