using System.Buffers.Binary;
using System.Data.Common;
using System.Net;
using Dapper;

namespace Cyclades.Bench.Fleet;

/// <summary>
/// What the bulk rows refer to, read from a database the service has started on once (so its
/// migrations ran and its start-up synced the flavors, images and backend and created the users).
/// </summary>
public sealed record FleetCatalog(IReadOnlyList<string> UserIds, IReadOnlyList<long> FlavorIds, string ImageId, long BackendId, uint LastAddress)
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
        return new FleetCatalog(users, flavors, imageId, backend.Id, LastHost(backend.Cidr));
    }

    /// <summary>The last address servers may have (the broadcast address is never handed out).</summary>
    private static uint LastHost(string cidr)
    {
        var parts = cidr.Split('/');
        var network = BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(parts[0]).GetAddressBytes());
        return network + (1u << (32 - int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))) - 2;
    }
}
