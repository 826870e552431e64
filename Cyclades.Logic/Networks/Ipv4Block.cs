using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Cyclades.Logic.Networks;

/// <summary>An IPv4 block in CIDR form (network address and prefix length), for containment and overlap checks.</summary>
public readonly record struct Ipv4Block(uint Network, int PrefixLength)
{
    private uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    private uint Last => Network | ~Mask;

    /// <summary>Parses <c>a.b.c.d/n</c> whose host bits are clear; false otherwise.</summary>
    public static bool TryParse(string? text, out Ipv4Block block)
    {
        block = default;
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2
            || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || address.ToString() != parts[0]
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            || length is < 0 or > 32)
        {
            return false;
        }
        var value = ToUInt(address);
        var candidate = new Ipv4Block(value, length);
        if ((value & ~candidate.Mask) != 0)
        {
            return false;
        }
        block = candidate;
        return true;
    }

    public static Ipv4Block Parse(string text) =>
        TryParse(text, out var block) ? block : throw new FormatException($"'{text}' is not an IPv4 network in CIDR form.");

    public bool Contains(Ipv4Block other) => other.PrefixLength >= PrefixLength && (other.Network & Mask) == Network;

    public bool Overlaps(Ipv4Block other) => Network <= other.Last && other.Network <= Last;

    /// <summary>The first host: a subnet's gateway.</summary>
    public string FirstHost => FromUInt(Network + 1);

    /// <summary>The smallest block holding all of <paramref name="blocks"/> (0.0.0.0/0 for none).</summary>
    public static Ipv4Block Covering(IEnumerable<Ipv4Block> blocks)
    {
        Ipv4Block? result = null;
        foreach (var block in blocks)
        {
            if (result is not { } current)
            {
                result = block;
                continue;
            }
            var length = Math.Min(current.PrefixLength, block.PrefixLength);
            while (length > 0 && (current.Network >> (32 - length)) != (block.Network >> (32 - length)))
            {
                length--;
            }
            var mask = length == 0 ? 0 : uint.MaxValue << (32 - length);
            result = new Ipv4Block(current.Network & mask, length);
        }
        return result ?? new Ipv4Block(0, 0);
    }

    public override string ToString() => $"{FromUInt(Network)}/{PrefixLength}";

    private static uint ToUInt(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static string FromUInt(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }
}
