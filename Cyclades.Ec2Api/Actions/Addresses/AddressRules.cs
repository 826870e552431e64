using System.Net;
using System.Net.Sockets;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>What AWS accepts as a <c>PublicIp</c>: a dotted IPv4 address.</summary>
public static class AddressRules
{
    public static bool IsIpv4(string? address) =>
        address is null || (IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && ip.ToString() == address);

    public static string NotIpv4(string? address) => $"Invalid value '{address}' for PublicIp. Not a valid IPv4 address";
}
