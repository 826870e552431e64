using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace Cyclades.Bench.Fleet;

/// <summary>
/// Adds instances to the product's schema in bulk — multi-row INSERTs in large transactions, not
/// through the API — deterministically. Fleet instance <c>k</c> (counting every fleet instance ever
/// added) is the only instance of its launch (reservation), as most RunInstances calls are; its owner
/// is <c>k mod 10</c>; as its owner's instance number <c>j = k div 10</c> it has flavor
/// <c>j mod flavors</c>, is stopped if <c>j mod 10 = 9</c> (running otherwise) and has a key name if
/// <c>j</c> is even; it carries one tag, <c>Name=fleet-k</c>. As every instance the service launches, it
/// has a primary port (network interface) on the backend's public subnet holding its address, taken
/// from the subnet's pool; addresses are the backend's free ones from the bottom up, as the service
/// hands them out.
/// </summary>
public static class FleetGenerator
{
    private const int RowsPerStatement = 1000;
    private const int StatementsPerTransaction = 20;
    private static readonly long EpochMicros = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    /// <summary>Adds <paramref name="count"/> instances after those already there.</summary>
    public static async Task AppendAsync(DbConnection connection, FleetCatalog catalog, int count, CancellationToken cancellationToken)
    {
        var start = new Cursor(
            FleetIndex: await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM servers WHERE user_id IN @users", new { users = catalog.UserIds }),
            ServerId: await connection.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM servers") ?? 0,
            LaunchId: await connection.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM launches") ?? 0,
            PortId: await connection.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM ports") ?? 0);
        var inUse = (await connection.QueryAsync<string>(
                """
                SELECT private_ip FROM servers WHERE backend_id = @BackendId AND private_ip IS NOT NULL
                UNION SELECT address FROM ip_addresses WHERE subnet_id = @PublicSubnetId
                """, new { catalog.BackendId, catalog.PublicSubnetId }))
            .Select(FleetCatalog.ToUInt)
            .ToHashSet();
        using var addresses = FreeAddresses(catalog, inUse).GetEnumerator();
        for (var done = 0; done < count;)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            for (var statement = 0; statement < StatementsPerTransaction && done < count; statement++)
            {
                var rows = Math.Min(RowsPerStatement, count - done);
                foreach (var sql in Statements(catalog, start, done, rows, addresses))
                {
                    await Execute(connection, transaction, sql, cancellationToken);
                }
                done += rows;
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, commandTimeout: 600, cancellationToken: cancellationToken));

    /// <summary>The INSERTs of instances <paramref name="from"/> to <paramref name="from"/> + <paramref name="rows"/> of this append: their launches, ports, addresses and tags.</summary>
    private static string[] Statements(FleetCatalog catalog, Cursor start, int from, int rows, IEnumerator<uint> addresses)
    {
        var tags = new StringBuilder("INSERT INTO tags (user_id, resource_type, resource_id, tag_key, tag_value, created_at) VALUES ");
        var launches = new StringBuilder("INSERT INTO launches (id, user_id, idempotency_key, fingerprint, created_at) VALUES ");
        var ports = new StringBuilder(
            "INSERT INTO ports (id, user_id, server_id, subnet_id, device_index, address, mac, state, created_at, updated_at) VALUES ");
        var pool = new StringBuilder("INSERT INTO ip_addresses (subnet_id, address, port_id, created_at) VALUES ");
        var servers = new StringBuilder(
            """
            INSERT INTO servers (id, user_id, name, flavor_id, image_id, backend_id, instance_name, launch_id, launch_index,
                key_name, private_ip, operstate, deleted, backend_job_id, backend_operation, backend_job_status,
                backend_job_at, backend_time, created_at, updated_at) VALUES
            """).Append(' ');
        var owners = catalog.UserIds.Count;
        for (var n = from; n < from + rows; n++)
        {
            var k = start.FleetIndex + n;
            var j = k / owners;
            var user = catalog.UserIds[(int)(k % owners)];
            var id = start.ServerId + 1 + n;
            var launchId = start.LaunchId + 1 + n;
            var created = EpochMicros + k * 1_000_000;
            var separator = n == from ? "" : ",";
            launches.Append(separator).Append(CultureInfo.InvariantCulture, $"({launchId}, '{user}', 'fleet-{k}', 'fleet', {created})");
            var flavor = catalog.FlavorIds[(int)(j % catalog.FlavorIds.Count)];
            var keyName = j % 2 == 0 ? "'fleet-key'" : "NULL";
            var state = j % 10 == 9 ? "STOPPED" : "STARTED";
            var ip = addresses.MoveNext() ? Address(addresses.Current) : throw new InvalidOperationException("The backend's network is full.");
            tags.Append(separator).Append(CultureInfo.InvariantCulture, $"('{user}', 'SERVER', '{id}', 'Name', 'fleet-{k}', {created})");
            var portId = start.PortId + 1 + n;
            ports.Append(separator).Append(CultureInfo.InvariantCulture,
                $"({portId}, '{user}', {id}, {catalog.PublicSubnetId}, 0, '{ip}', '{Mac(id)}', 'ACTIVE', {created}, {created + 1_000_000})");
            pool.Append(separator).Append(CultureInfo.InvariantCulture, $"({catalog.PublicSubnetId}, '{ip}', {portId}, {created})");
            servers.Append(separator)
                .Append(CultureInfo.InvariantCulture, $"({id}, '{user}', '', {flavor}, {catalog.ImageId}, {catalog.BackendId}, 'snf-{id}', {launchId}, 0, ")
                .Append(CultureInfo.InvariantCulture, $"{keyName}, '{ip}', '{state}', 0, {k + 1}, 'CREATE', 'SUCCESS', ")
                .Append(CultureInfo.InvariantCulture, $"{created + 1_000_000}, {created + 1_000_000}, {created}, {created + 1_000_000})");
        }
        return [launches.ToString(), servers.ToString(), ports.ToString(), pool.ToString(), tags.ToString()];
    }

    private static IEnumerable<uint> FreeAddresses(FleetCatalog catalog, IReadOnlySet<uint> inUse)
    {
        for (var address = catalog.FirstHost; address <= catalog.LastHost; address++)
        {
            if (!inUse.Contains(address))
            {
                yield return address;
            }
        }
    }

    private static string Address(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}");

    /// <summary>A MAC in the locally administered range, unique per server, as Ganeti would have given the NIC.</summary>
    private static string Mac(long serverId) =>
        string.Create(CultureInfo.InvariantCulture, $"aa:00:{(serverId >> 24) & 255:x2}:{(serverId >> 16) & 255:x2}:{(serverId >> 8) & 255:x2}:{serverId & 255:x2}");

    /// <summary>The number of fleet instances and the last server, launch and port ids before an append.</summary>
    private sealed record Cursor(long FleetIndex, long ServerId, long LaunchId, long PortId);
}
