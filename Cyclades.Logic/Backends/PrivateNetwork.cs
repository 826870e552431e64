using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Cyclades.Logic.Backends;

/// <summary>
/// An IPv4 network servers take addresses from. The network address, the first host (the gateway)
/// and the broadcast address are never handed out.
/// </summary>
public sealed class PrivateNetwork
{
    private readonly uint _first;
    private readonly uint _last;

    private PrivateNetwork(uint network, int prefixLength)
    {
        var size = 1u << (32 - prefixLength);
        _first = network + 2;
        _last = network + size - 2;
    }

    public static PrivateNetwork Parse(string cidr) =>
        TryParse(cidr, out var network, out var problem) ? network! : throw new FormatException($"Network {problem}");

    public static bool TryParse(string? cidr, out PrivateNetwork? network, out string problem)
    {
        network = null;
        problem = $"must be an IPv4 network in CIDR form with a prefix of /8 to /29, e.g. 10.0.0.0/16 (got '{cidr}').";
        var parts = cidr?.Split('/') ?? [];
        if (parts.Length != 2
            || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(parts[1], out var prefixLength) || prefixLength is < 8 or > 29)
        {
            return false;
        }
        var value = ToUInt(address);
        var mask = uint.MaxValue << (32 - prefixLength);
        if ((value & ~mask) != 0)
        {
            problem = $"has host bits set: '{cidr}' is not a network address.";
            return false;
        }
        network = new PrivateNetwork(value, prefixLength);
        return true;
    }

    /// <summary>The lowest <paramref name="count"/> free addresses, or null when fewer are free.</summary>
    public IReadOnlyList<string>? Allocate(IEnumerable<string> inUse, int count)
    {
        var used = inUse.Select(a => IPAddress.TryParse(a, out var ip) ? ToUInt(ip) : 0).ToHashSet();
        var free = new List<string>(count);
        for (var candidate = _first; candidate <= _last && free.Count < count; candidate++)
        {
            if (!used.Contains(candidate))
            {
                free.Add(FromUInt(candidate));
            }
        }
        return free.Count == count ? free : null;
    }

    private static uint ToUInt(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static string FromUInt(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }
}
