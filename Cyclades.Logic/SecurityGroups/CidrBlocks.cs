using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>CIDR blocks in their canonical form: the network address (host bits cleared) and the prefix length.</summary>
public static class CidrBlocks
{
    /// <exception cref="InvalidRuleException">Not an IPv4 (or, with <paramref name="ipv6"/>, IPv6) block.</exception>
    public static string Canonical(string cidr, bool ipv6)
    {
        var family = ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var address)
            || address.AddressFamily != family
            || !int.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > (ipv6 ? 128 : 32)
            || (!ipv6 && cidr.AsSpan(0, slash).Count('.') != 3))
        {
            throw new InvalidRuleException(RuleProblem.Cidr,
                $"Value ({cidr}) for parameter {(ipv6 ? "cidrIpv6" : "cidrIp")} is invalid. This is not a valid CIDR block.");
        }
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        return $"{new IPAddress(bytes)}/{prefix.ToString(CultureInfo.InvariantCulture)}";
    }
}
