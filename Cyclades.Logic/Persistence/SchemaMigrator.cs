using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Logic.Persistence;

/// <summary>
/// Applies the schema migrations in <see cref="Migrations"/> (FluentMigrator; one set for both
/// databases). Safe to run from several processes at once: MariaDB serialises them with a named
/// lock, SQLite with a lock file beside the database.
/// </summary>
public sealed class SchemaMigrator
{
    private readonly DatabaseTarget _target;

    public SchemaMigrator(DatabaseTarget target)
    {
        _target = target;
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            SqliteThreadingMode.Apply();
            SqliteFile.Prepare(target.ConnectionString);
        }
    }

    public void MigrateUp()
    {
        using var _ = AcquireMigrationLock();
        using var services = BuildRunnerServices();
        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    /// <summary>Applies the migrations up to and including <paramref name="version"/> (tests of a later migration's data conversion).</summary>
    internal void MigrateUp(long version)
    {
        using var _ = AcquireMigrationLock();
        using var services = BuildRunnerServices();
        services.GetRequiredService<IMigrationRunner>().MigrateUp(version);
    }

    public bool HasPendingMigrations()
    {
        using var services = BuildRunnerServices();
        return services.GetRequiredService<IMigrationRunner>().HasMigrationsToApplyUp();
    }

    private ServiceProvider BuildRunnerServices() =>
        new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (_target.Provider == DatabaseProvider.MySql)
                {
                    runner.AddMySql5();
                }
                else
                {
                    runner.AddSQLite();
                }
                runner.WithGlobalConnectionString(_target.ConnectionString)
                    .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);

    private IDisposable AcquireMigrationLock()
    {
        if (_target.Provider == DatabaseProvider.MySql)
        {
            return MySqlNamedLock.Acquire(_target.ConnectionString, "cyclades_schema_migrations", TimeSpan.FromMinutes(2));
        }

        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_target.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return new MemoryStream();
        }
        var lockPath = Path.GetFullPath(dataSource) + ".migrate.lock";
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }
}
