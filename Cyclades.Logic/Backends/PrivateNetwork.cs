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

    /// <summary>Whether <paramref name="address"/> is an IPv4 address of this network that may be handed out.</summary>
    public bool Offers(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
        && ip.ToString() == address && ToUInt(ip) is var value && value >= _first && value <= _last;

    /// <summary>
    /// Every address that may be handed out, each once, in windows of at most <paramref name="size"/>:
    /// from the one after <paramref name="after"/> (the last one handed out; null or outside the network:
    /// from the first) up to the last, then from the first on. Allocating the first free ones in this
    /// order is next-fit, as DHCP servers do: a released address is reused once the network has wrapped
    /// around, and finding a free address costs a window or two instead of reading every address in use.
    /// </summary>
    public IEnumerable<IReadOnlyList<string>> WindowsAfter(string? after, int size)
    {
        var start = after is not null && IPAddress.TryParse(after, out var ip) && ToUInt(ip) is var last && last >= _first && last < _last
            ? last + 1
            : _first;
        foreach (var window in Windows(start, _last, size).Concat(Windows(_first, start - 1, size)))
        {
            yield return window;
        }
    }

    private static IEnumerable<IReadOnlyList<string>> Windows(uint from, uint to, int size)
    {
        for (var low = (ulong)from; low <= to; low += (ulong)size)
        {
            var high = Math.Min(to, low + (ulong)size - 1);
            var window = new List<string>((int)(high - low + 1));
            for (var address = low; address <= high; address++)
            {
                window.Add(FromUInt((uint)address));
            }
            yield return window;
        }
    }

    private static uint ToUInt(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static string FromUInt(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }
}
