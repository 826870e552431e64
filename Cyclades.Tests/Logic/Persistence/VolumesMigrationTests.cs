using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Dapper;

namespace Cyclades.Tests.Logic.Persistence;

/// <summary>Migration 202612070700: every server gets its root volume, every flavor allows its disk template.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public sealed class VolumesMigrationTests(DatabaseProvider provider)
{
    [Test]
    public async Task Existing_servers_get_a_root_volume_of_their_flavors_disk_and_flavors_allow_their_template()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var migrator = new SchemaMigrator(database.Target);
        migrator.MigrateUp(202612070699);
        await using (var before = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await before.ExecuteAsync(
                """
                INSERT INTO backends (id, name, url, network_cidr, created_at, updated_at) VALUES (1, 'zone-a', 'https://127.0.0.1:5080', '10.9.0.0/24', 0, 0);
                INSERT INTO flavors (id, name, cpu, ram_mib, disk_gib, disk_template, created_at, updated_at) VALUES
                    (1, 't2.micro', 1, 1024, 8, 'file', 0, 0), (2, 'm1.plain', 2, 2048, 30, 'plain', 0, 0);
                INSERT INTO images (id, name, os_type, os_parameters, created_at, updated_at) VALUES (1, 'one', 'noop+default', '{}', 0, 0);
                INSERT INTO servers (id, user_id, flavor_id, image_id, backend_id, instance_name, operstate, deleted, created_at, updated_at) VALUES
                    (7, 'u', 1, 1, 1, 'snf-7', 'STARTED', 0, 100, 200), (8, 'v', 2, 1, 1, 'snf-8', 'BUILD', 0, 300, 300),
                    (9, 'u', 2, 1, 1, 'snf-9', 'DESTROYED', 1, 0, 0), (10, 'u', 2, 1, 1, 'snf-10', 'ERROR', 0, 0, 0);
                """);
        }

        migrator.MigrateUp();

        await using var after = await database.Connections.OpenAsync(CancellationToken.None);
        var volumes = (await after.QueryAsync<(string, long, long, int, int, string, string, long, bool, long)>(
            """
            SELECT user_id, backend_id, server_id, disk_index, size_gib, volume_type, status, origin_image_id, delete_on_termination, created_at
            FROM volumes ORDER BY server_id
            """)).ToList();
        Assert.That(volumes, Is.EqualTo(new[]
        {
            ("u", 1L, 7L, 0, 8, "file", "IN_USE", 1L, true, 100L),
            ("v", 1L, 8L, 0, 30, "plain", "CREATING", 1L, true, 300L),
            ("u", 1L, 10L, 0, 30, "plain", "ERROR", 1L, true, 0L),
        }));
        Assert.That((await after.QueryAsync<(long, string)>("SELECT flavor_id, volume_type FROM flavor_volume_types ORDER BY flavor_id")).ToList(),
            Is.EqualTo(new[] { (1L, "file"), (2L, "plain") }));
        Assert.That(await after.QuerySingleAsync<int>("SELECT min_disk_gib FROM images WHERE id = 1"), Is.Zero);
        Assert.That(migrator.HasPendingMigrations(), Is.False);
    }
}
