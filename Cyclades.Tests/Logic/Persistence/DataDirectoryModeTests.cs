using System.Runtime.Versioning;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Secrets;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Cyclades.Tests.Logic.Persistence;

/// <summary>
/// The data directory and its files are the owner's alone whatever the umask (this process runs
/// under the usual 022, which would otherwise leave them readable by everyone).
/// </summary>
[Category("Unit")]
[Platform(Exclude = "Win")]
[UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryModeTests
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private string _parent = null!;

    [SetUp]
    public void SetUp() => _parent = Directory.CreateTempSubdirectory("cyclades-modes-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_parent, recursive: true);

    [Test]
    public async Task A_fresh_data_directory_is_0700_and_the_key_database_wal_and_shm_are_0600()
    {
        var cyclades = new CycladesOptions { DataDirectory = Path.Combine(_parent, "data") };
        SecretsKeyStore.Load(new SecretsOptions(), cyclades, DatabaseProvider.Sqlite);
        var target = DatabaseTarget.From(new DatabaseOptions(), cyclades);
        new SchemaMigrator(target).MigrateUp();

        await using (var connection = await new DbConnectionFactory(target).OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE probe (n INTEGER); INSERT INTO probe VALUES (1);");

            Assert.That(File.GetUnixFileMode(cyclades.DataDirectory), Is.EqualTo(OwnerOnlyDirectory));
            foreach (var file in new[] { SecretsKeyStore.FileName, "cyclades.db", "cyclades.db-wal", "cyclades.db-shm" })
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(cyclades.DataDirectory, file)), Is.EqualTo(PrivateFiles.OwnerOnly), file);
            }
        }
    }

    [Test]
    public void An_operators_looser_existing_directory_keeps_its_mode_with_a_warning()
    {
        var data = Path.Combine(_parent, "data");
        Directory.CreateDirectory(data, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var logger = new FakeLogger<DbConnectionFactory>();

        new DbConnectionFactory(DatabaseTarget.From(new DatabaseOptions(), new CycladesOptions { DataDirectory = data }), logger);

        Assert.That(logger.Collector.GetSnapshot().Single(r => r.Level == LogLevel.Warning).Message, Does.Contain(data).And.Contain("0750"));

        Assert.That(File.GetUnixFileMode(data), Is.EqualTo(OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute));
        Assert.That(File.GetUnixFileMode(Path.Combine(data, "cyclades.db")), Is.EqualTo(PrivateFiles.OwnerOnly));
    }
}
