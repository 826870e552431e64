using System.Globalization;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>
/// The one form a rule is stored and compared in: protocol names for 6, 17, 1 and 58, <c>-1</c> for
/// every protocol; ports kept only where they mean something (tcp/udp ranges, icmp type and code);
/// CIDR blocks canonical (<c>10.1.2.3/8</c> is <c>10.0.0.0/8</c>). Two rules are the same rule when
/// their <see cref="Identity"/> is: the description is not part of it.
/// </summary>
public static class RuleNormalizer
{
    public const string AllProtocols = "-1";
    public const int MaxPort = 65535;
    public const int MaxDescriptionLength = 255;

    private static readonly Dictionary<string, string> ProtocolNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["-1"] = AllProtocols,
        ["all"] = AllProtocols,
        ["tcp"] = "tcp",
        ["6"] = "tcp",
        ["udp"] = "udp",
        ["17"] = "udp",
        ["icmp"] = "icmp",
        ["1"] = "icmp",
        ["icmpv6"] = "icmpv6",
        ["58"] = "icmpv6",
    };

    /// <exception cref="InvalidRuleException">The rule cannot be stored: the problem says why.</exception>
    public static RuleSpec Normalize(RuleSpec spec)
    {
        var protocol = Protocol(spec.Protocol);
        var (from, to) = protocol switch
        {
            "tcp" or "udp" => PortRange(protocol, spec.FromPort, spec.ToPort),
            "icmp" or "icmpv6" => IcmpTypeAndCode(protocol, spec.FromPort, spec.ToPort),
            _ => ((int?)null, (int?)null),
        };
        if (spec.Description is { Length: > MaxDescriptionLength })
        {
            throw new InvalidRuleException(RuleProblem.Description, $"A rule's description is at most {MaxDescriptionLength} characters.");
        }
        return spec with { Protocol = protocol, FromPort = from, ToPort = to, Peer = Peer(spec.Peer) };
    }

    /// <summary>What makes a (normalised) rule the same rule as another in its group.</summary>
    public static string Identity(RuleSpec rule)
    {
        var peer = rule.Peer switch
        {
            { CidrIpv4: { } v4 } => "4:" + v4,
            { CidrIpv6: { } v6 } => "6:" + v6,
            { GroupId: { } group } => "g:" + group.ToString(CultureInfo.InvariantCulture),
            { PrefixListId: { } list } => "p:" + list,
            _ => "",
        };
        return string.Join('|', rule.Direction == RuleDirection.Egress ? "out" : "in", rule.Protocol,
            rule.FromPort?.ToString(CultureInfo.InvariantCulture), rule.ToPort?.ToString(CultureInfo.InvariantCulture), peer);
    }

    private static string Protocol(string protocol)
    {
        if (ProtocolNames.TryGetValue(protocol, out var name))
        {
            return name;
        }
        return int.TryParse(protocol, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 255
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw new InvalidRuleException(RuleProblem.Protocol,
                $"Invalid value '{protocol}' for IP protocol. Unknown protocol.");
    }

    private static (int?, int?) PortRange(string protocol, int? from, int? to)
    {
        if (from is null || to is null)
        {
            throw new InvalidRuleException(RuleProblem.Ports, $"Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange ({protocol}).");
        }
        if (from is < 0 or > MaxPort || to is < 0 or > MaxPort || from > to)
        {
            throw new InvalidRuleException(RuleProblem.Ports,
                $"Invalid {protocol.ToUpperInvariant()} port range {from}-{to}: ports are 0 to {MaxPort}, the first no greater than the last.");
        }
        return (from, to);
    }

    /// <summary>The ICMP type (-1 = all) and code (-1 = all); all types admit only all codes. Missing means -1.</summary>
    private static (int?, int?) IcmpTypeAndCode(string protocol, int? type, int? code)
    {
        var t = type ?? -1;
        var c = code ?? -1;
        if (t is < -1 or > 255 || c is < -1 or > 255 || (t == -1 && c != -1))
        {
            throw new InvalidRuleException(RuleProblem.Ports,
                $"Invalid {protocol.ToUpperInvariant()} type {t} and code {c}: each is -1 (all) or 0 to 255, and all types admit only all codes (-1).");
        }
        return (t, c);
    }

    private static RulePeer Peer(RulePeer peer)
    {
        var given = new object?[] { peer.CidrIpv4, peer.CidrIpv6, peer.GroupId, peer.PrefixListId }.Count(p => p is not null);
        if (given != 1)
        {
            throw new InvalidRuleException(RuleProblem.Peer,
                "A rule names exactly one of an IPv4 CIDR block, an IPv6 CIDR block, a security group or a prefix list.");
        }
        return peer with
        {
            CidrIpv4 = peer.CidrIpv4 is null ? null : CidrBlocks.Canonical(peer.CidrIpv4, ipv6: false),
            CidrIpv6 = peer.CidrIpv6 is null ? null : CidrBlocks.Canonical(peer.CidrIpv6, ipv6: true),
        };
    }
}
