using System.Data.Common;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Dapper;

namespace Cyclades.Tests.Logic.Persistence;

/// <summary>Migration 202612080300: each backend's public subnet, and a primary port holding each live server's address.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public sealed class NetworksMigrationTests(DatabaseProvider provider)
{
    [Test]
    public async Task Live_servers_addresses_become_primary_ports_on_their_backends_public_subnet()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var migrator = new SchemaMigrator(database.Target);
        migrator.MigrateUp(202612080299);
        await using (var before = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await before.ExecuteAsync(
                """
                INSERT INTO backends (id, name, url, network_cidr, created_at, updated_at) VALUES
                    (1, 'zone-a', 'https://127.0.0.1:5080', '10.9.0.0/24', 0, 0), (2, 'zone-b', 'https://127.0.0.1:5081', '10.10.0.0/16', 0, 0);
                INSERT INTO flavors (id, name, cpu, ram_mib, disk_gib, disk_template, created_at, updated_at) VALUES (1, 't2.micro', 1, 1024, 1, 'file', 0, 0);
                INSERT INTO images (id, name, os_type, os_parameters, created_at, updated_at) VALUES (1, 'one', 'noop+default', '{}', 0, 0);
                INSERT INTO servers (id, user_id, flavor_id, image_id, backend_id, instance_name, operstate, private_ip, deleted, created_at, updated_at) VALUES
                    (7, 'u', 1, 1, 1, 'snf-7', 'STARTED', '10.9.0.2', 0, 0, 0), (8, 'v', 1, 1, 2, 'snf-8', 'BUILD', '10.10.0.2', 0, 0, 0),
                    (9, 'u', 1, 1, 1, 'snf-9', 'DESTROYED', NULL, 1, 0, 0);
                """);
        }

        migrator.MigrateUp();

        await using var after = await database.Connections.OpenAsync(CancellationToken.None);
        Assert.That((await after.QueryAsync<(long, string, string, bool)>(
                "SELECT backend_id, cidr, gateway, is_public FROM subnets WHERE public_of = backend_id ORDER BY backend_id")).ToList(),
            Is.EqualTo(new[] { (1L, "10.9.0.0/24", "10.9.0.1", true), (2L, "10.10.0.0/16", "10.10.0.1", true) }));
        Assert.That((await after.QueryAsync<(string, long, int, string, string)>(
                "SELECT p.user_id, p.server_id, p.device_index, p.address, p.state FROM ports p ORDER BY p.server_id")).ToList(),
            Is.EqualTo(new[] { ("u", 7L, 0, "10.9.0.2", "ACTIVE"), ("v", 8L, 0, "10.10.0.2", "BUILD") }));
        Assert.That((await after.QueryAsync<string>(
                "SELECT a.address FROM ip_addresses a JOIN ports p ON p.id = a.port_id AND p.subnet_id = a.subnet_id ORDER BY a.id")).ToList(),
            Is.EqualTo(new[] { "10.9.0.2", "10.10.0.2" }));
        await Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => after.ExecuteAsync(
            "INSERT INTO ip_addresses (subnet_id, address, created_at) SELECT id, '10.9.0.2', 0 FROM subnets WHERE public_of = 1"),
            "a migrated address is held in the pool");
        Assert.That(migrator.HasPendingMigrations(), Is.False);
    }
}
