using System.Data.Common;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Dapper;

namespace Cyclades.Tests.Logic.Persistence;

/// <summary>Migration 202612070130: images stored under AMI text ids become numbered, with their servers and tags.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql)]
public sealed class ImageNumbersMigrationTests(DatabaseProvider provider)
{
    [Test]
    public async Task Stored_ami_ids_keep_their_number_others_get_the_next_ones_and_servers_and_tags_follow()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var migrator = new SchemaMigrator(database.Target);
        migrator.MigrateUp(202612070129);
        await using (var before = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await before.ExecuteAsync(
                """
                INSERT INTO backends (id, name, url, network_cidr, created_at, updated_at) VALUES (1, 'zone-a', 'https://127.0.0.1:5080', '10.9.0.0/24', 0, 0);
                INSERT INTO flavors (id, name, cpu, ram_mib, disk_gib, disk_template, created_at, updated_at) VALUES (1, 't2.micro', 1, 1024, 1, 'file', 0, 0);
                INSERT INTO images (id, name, os_type, os_parameters, created_at, updated_at) VALUES
                    ('ami-00000001', 'one', 'noop+default', '{}', 0, 0), ('ami-0000abcd', 'added', 'noop+default', '{}', 0, 0),
                    ('custom', 'odd', 'noop+default', '{}', 0, 0);
                INSERT INTO servers (id, user_id, flavor_id, image_id, backend_id, instance_name, operstate, private_ip, created_at, updated_at) VALUES
                    (7, 'u', 1, 'ami-0000abcd', 1, 'snf-7', 'STARTED', '10.9.0.2', 0, 0), (8, 'u', 1, 'custom', 1, 'snf-8', 'STOPPED', '10.9.0.3', 0, 0);
                INSERT INTO tags (user_id, resource_type, resource_id, tag_key, tag_value, created_at) VALUES
                    ('u', 'IMAGE', 'ami-0000abcd', 'team', 'ops', 0), ('u', 'SERVER', '7', 'Name', 'web', 0);
                """);
        }

        migrator.MigrateUp();

        await using var after = await database.Connections.OpenAsync(CancellationToken.None);
        Assert.That((await after.QueryAsync<(long, string)>("SELECT id, name FROM images ORDER BY id")).ToList(),
            Is.EqualTo(new[] { (1L, "one"), (0xabcdL, "added"), (0xabceL, "odd") }));
        Assert.That((await after.QueryAsync<(long, long, string)>("SELECT id, image_id, private_ip FROM servers ORDER BY id")).ToList(),
            Is.EqualTo(new[] { (7L, 0xabcdL, "10.9.0.2"), (8L, 0xabceL, "10.9.0.3") }));
        Assert.That((await after.QueryAsync<(string, string)>("SELECT resource_type, resource_id FROM tags ORDER BY resource_type")).ToList(),
            Is.EqualTo(new[] { ("IMAGE", "43981"), ("SERVER", "7") }));
        await Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => after.ExecuteAsync(
            "INSERT INTO servers (user_id, flavor_id, image_id, backend_id, operstate, created_at, updated_at) VALUES ('u', 1, 99, 1, 'STARTED', 0, 0)"),
            "servers.image_id still refers to images");
        await Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => after.ExecuteAsync(
            "INSERT INTO servers (user_id, flavor_id, image_id, backend_id, instance_name, operstate, created_at, updated_at) VALUES ('u', 1, 1, 1, 'snf-7', 'STARTED', 0, 0)"),
            "the indexes of servers are back");
        Assert.That(migrator.HasPendingMigrations(), Is.False);
    }
}
