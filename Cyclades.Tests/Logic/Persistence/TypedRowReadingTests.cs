using System.Data.Common;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Infrastructure;
using Dapper;

namespace Cyclades.Tests.Logic.Persistence;

/// <summary>
/// The rows read column by column (<see cref="RowCursor"/>) read what Dapper reads by name: every column in
/// its place, set and unset, on both databases.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public sealed class TypedRowReadingTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateRowsAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = await _database.Connections.OpenAsync(CancellationToken.None);
        // Server 1 has every nullable column set, each to a value of its own; server 2 has none set.
        await db.ExecuteAsync(
            """
            INSERT INTO backends (id, name, url, network_cidr, created_at, updated_at) VALUES (3, 'zone-a', 'https://127.0.0.1:5080', '10.9.0.0/24', 0, 0);
            INSERT INTO flavors (id, name, cpu, ram_mib, disk_gib, disk_template, deleted, origin, created_at, updated_at)
                VALUES (4, 't2.micro', 2, 1024, 8, 'plain', 1, 'API', 0, 0);
            INSERT INTO images (id, name, os_type, os_parameters, created_at, updated_at) VALUES (5, 'one', 'noop+default', '{}', 0, 0);
            INSERT INTO launches (id, user_id, idempotency_key, fingerprint, created_at) VALUES (6, 'u', 'token-6', 'f', 0);
            INSERT INTO servers (id, user_id, name, flavor_id, image_id, backend_id, instance_name, launch_id, launch_index, key_name, private_ip,
                operstate, deleted, deleted_at, task, task_job_id, task_at, task_heartbeat_at, destroy_requested_at, destroy_reason,
                backend_job_id, backend_operation, backend_job_status, backend_message, backend_job_at, backend_time, commission_id,
                created_at, updated_at, destroy_protected, stop_protected, guest_shutdown, io_optimized, address_check, metadata_enabled,
                metadata_tokens_required, metadata_hop_limit, metadata_tags)
            VALUES
                (1, 'u', 'web', 4, 5, 3, 'snf-1', 6, 7, 'key', '10.9.0.8', 'STARTED', 1, 11, 'STOP', 12, 13, 14, 15, 'OWNER',
                 16, 'START', 'SUCCESS', 'done', 17, 18, 19, 20, 21, 1, 1, 'DESTROY', 1, 0, 0, 1, 22, 1),
                (2, 'u', '', 4, 5, 3, NULL, NULL, 0, NULL, NULL, 'BUILD', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, 0, NULL, 23, 24, 0, 0, 'STOP', 0, 1, 1, 0, 1, 0);
            INSERT INTO subnets (id, user_id, backend_id, cidr, gateway, is_public, state, created_at, updated_at)
                VALUES (8, 'u', 3, '10.9.0.0/24', '10.9.0.1', 0, 'ACTIVE', 0, 0);
            INSERT INTO ports (id, user_id, server_id, subnet_id, device_index, address, mac, state, description, source_dest_check,
                delete_on_termination, created_at, updated_at, pending_restart)
            VALUES
                (9, 'u', 1, 8, 1, '10.9.0.8', 'aa:00:00:00:00:01', 'ACTIVE', 'eth1', 0, 1, 25, 26, 1),
                (10, 'u', NULL, 8, 0, NULL, NULL, 'DOWN', '', 1, 0, 27, 28, 0);
            INSERT INTO volumes (id, user_id, backend_id, server_id, disk_index, size_gib, volume_type, status, origin_image_id,
                delete_on_termination, device_name, commission_id, attached_at, deleted, deleted_at, created_at, updated_at)
            VALUES
                (11, 'u', 3, 1, 2, 30, 'plain', 'IN_USE', 5, 0, '/dev/sdf', 31, 32, 1, 33, 34, 35),
                (12, 'u', 3, NULL, NULL, 36, 'drbd', 'AVAILABLE', NULL, 1, NULL, NULL, NULL, 0, NULL, 37, 38);
            INSERT INTO tags (user_id, resource_type, resource_id, tag_key, tag_value, created_at) VALUES
                ('u', 'SERVER', '1', 'Name', 'web', 0), ('u', 'VOLUME', '11', 'role', '', 0);
            """);
    }

    [OneTimeTearDown]
    public async Task DropAsync() => await _database.DisposeAsync();

    [Test]
    public Task A_server_row_reads_as_Dapper_reads_it() =>
        AssertReadsAsDapperAsync($"SELECT {ServerRow.Columns} FROM servers s ORDER BY s.id", reader =>
        {
            var cursor = new RowCursor(reader);
            return ServerRow.Read(ref cursor);
        });

    [Test]
    public async Task A_server_view_row_reads_the_joined_columns_after_the_servers()
    {
        var sql = $"{ServerViewRow.Select} ORDER BY s.id";
        var byName = await ReadByNameAsync<JoinedColumns>(sql);
        var inOrder = await ReadInOrderAsync(sql, ServerViewRow.Read);

        Assert.That(inOrder.Select(JoinedColumns.Of), Is.EqualTo(byName));
        Assert.That(inOrder.Select(r => r.ToServer()),
            Is.EqualTo((await ReadByNameAsync<ServerRow>($"SELECT {ServerRow.Columns} FROM servers s ORDER BY s.id")).Select(r => r.ToServer())));
    }

    [Test]
    public Task A_port_row_reads_as_Dapper_reads_it() => AssertReadsAsDapperAsync($"SELECT {PortRepository.Columns} FROM ports p ORDER BY p.id", PortRepository.PortRow.Read);

    [Test]
    public Task A_volume_row_reads_as_Dapper_reads_it() => AssertReadsAsDapperAsync($"SELECT {VolumeRepository.Columns} FROM volumes v ORDER BY v.id", VolumeRepository.VolumeRow.Read);

    [Test]
    public Task A_tag_row_reads_as_Dapper_reads_it() => AssertReadsAsDapperAsync($"SELECT {TagRepository.Columns} FROM tags t ORDER BY t.resource_id", TagRepository.TagRow.Read);

    /// <summary>Both rows of the table read the same both ways.</summary>
    private async Task AssertReadsAsDapperAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        var byName = await ReadByNameAsync<T>(sql);

        Assert.That(byName, Has.Count.EqualTo(2));
        Assert.That(await ReadInOrderAsync(sql, read), Is.EqualTo(byName));
    }

    private async Task<List<T>> ReadByNameAsync<T>(string sql)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    private async Task<List<T>> ReadInOrderAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return await new Db(connection, null, _database.Dialect).QueryAsync(sql, null, read, CancellationToken.None);
    }

    private sealed record JoinedColumns
    {
        public required string FlavorName { get; init; }

        public int FlavorCpu { get; init; }

        public int FlavorRamMiB { get; init; }

        public int FlavorDiskGiB { get; init; }

        public required string FlavorDiskTemplate { get; init; }

        public bool FlavorDeleted { get; init; }

        public required string FlavorOrigin { get; init; }

        public required string BackendName { get; init; }

        public string? IdempotencyKey { get; init; }

        public static JoinedColumns Of(ServerViewRow row) => new()
        {
            FlavorName = row.FlavorName,
            FlavorCpu = row.FlavorCpu,
            FlavorRamMiB = row.FlavorRamMiB,
            FlavorDiskGiB = row.FlavorDiskGiB,
            FlavorDiskTemplate = row.FlavorDiskTemplate,
            FlavorDeleted = row.FlavorDeleted,
            FlavorOrigin = row.FlavorOrigin,
            BackendName = row.BackendName,
            IdempotencyKey = row.IdempotencyKey,
        };
    }
}
