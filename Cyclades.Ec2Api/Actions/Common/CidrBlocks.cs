using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>
/// IPv4 CIDR blocks as CreateVpc and CreateSubnet take them: host bits set are accepted and cleared
/// (<c>100.68.0.18/18</c> is <c>100.68.0.0/18</c>, as AWS documents); the prefix must be /16 to /28.
/// </summary>
public static class CidrBlocks
{
    public const int ShortestPrefix = 16;
    public const int LongestPrefix = 28;

    /// <summary>The canonical form of <paramref name="text"/>, or null if it is not an IPv4 CIDR block.</summary>
    public static (string Cidr, int Prefix)? Canonical(string? text)
    {
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2
            || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || address.ToString() != parts[0]
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            return null;
        }
        var bytes = address.GetAddressBytes();
        var value = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        var network = prefix == 0 ? 0 : value & (uint.MaxValue << (32 - prefix));
        var canonical = new IPAddress([(byte)(network >> 24), (byte)(network >> 16), (byte)(network >> 8), (byte)network]);
        return ($"{canonical}/{prefix.ToString(CultureInfo.InvariantCulture)}", prefix);
    }

    public static bool InRange(int prefix) => prefix is >= ShortestPrefix and <= LongestPrefix;
}
