using System.Buffers.Binary;
using System.Data.Common;
using System.Net;
using Dapper;

namespace Cyclades.Bench.Fleet;

/// <summary>
/// What the bulk rows refer to, read from a database the service has started on once (so its
/// migrations ran and its start-up synced the flavors, images and backend and created the users).
/// </summary>
public sealed record FleetCatalog(
    IReadOnlyList<string> UserIds, IReadOnlyList<long> FlavorIds, long ImageId, long BackendId, long PublicSubnetId, uint FirstHost, uint LastHost)
{
    public static async Task<FleetCatalog> ReadAsync(DbConnection connection, IReadOnlyList<string> userNames, string backendName, string imageId)
    {
        var users = new List<string>();
        foreach (var name in userNames)
        {
            var id = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM users WHERE name = @name", new { name })
                ?? throw new InvalidOperationException($"The service did not create the user '{name}'.");
            users.Add(FleetUsers.StoredUserId(id));
        }
        var flavors = (await connection.QueryAsync<long>("SELECT id FROM flavors WHERE deleted = @no ORDER BY id", new { no = false })).ToList();
        var backend = await connection.QuerySingleAsync<(long Id, string Cidr)>(
            "SELECT id AS Id, network_cidr AS Cidr FROM backends WHERE name = @backendName", new { backendName });
        // The service makes a backend's public subnet on its first read of networks (BenchRunner asks for one).
        var publicSubnet = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM subnets WHERE public_of = @Id", new { backend.Id })
            ?? throw new InvalidOperationException($"The service has not made the public subnet of backend '{backendName}'.");
        // As the service hands them out: not the network address, the gateway or the broadcast address.
        var parts = backend.Cidr.Split('/');
        var network = ToUInt(parts[0]);
        var size = 1u << (32 - int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        // The AMI id is the hex of the image's number (ami-00000001 is image 1).
        var image = Convert.ToInt64(imageId["ami-".Length..], 16);
        return new FleetCatalog(users, flavors, image, backend.Id, publicSubnet, network + 2, network + size - 2);
    }

    public static uint ToUInt(string address) => BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(address).GetAddressBytes());
}
