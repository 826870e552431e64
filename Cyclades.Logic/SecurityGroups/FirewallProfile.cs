namespace Cyclades.Logic.SecurityGroups;

/// <summary>
/// Synnefo's three firewall profiles of a NIC. What each one lets in is decided by the nodes'
/// snf-network scripts (their iptables chains), not by the core.
/// </summary>
public enum FirewallProfile
{
    /// <summary>The node's strictest profile (tag suffix <c>protected</c>).</summary>
    Enabled,

    /// <summary>The node's intermediate profile (tag suffix <c>limited</c>).</summary>
    Protected,

    /// <summary>No filtering (no tag).</summary>
    Disabled,
}

/// <summary>
/// The profile a port's security groups give its NIC: the first row of <see cref="Table"/> that
/// the port's ingress rules (all its groups together) match. Only rules from anywhere on IPv4
/// (<c>0.0.0.0/0</c>) count: traffic from the rest of the world is what a node profile filters;
/// rules naming smaller blocks, groups, IPv6 blocks or prefix lists, and every egress rule, are
/// recorded only. The more a port's groups open to the world, the less strict its profile.
/// </summary>
public static class FirewallProfiles
{
    public const string Anywhere = "0.0.0.0/0";

    /// <summary>First match wins; the last row matches every port.</summary>
    public static readonly IReadOnlyList<(FirewallProfile Profile, string When, Func<IReadOnlyList<RuleSpec>, bool> Matches)> Table =
    [
        (FirewallProfile.Disabled, "all protocols are allowed in from anywhere",
            ingress => ingress.Any(r => r.Protocol == RuleNormalizer.AllProtocols && FromAnywhere(r))),
        (FirewallProfile.Protected, "some protocol or port is allowed in from anywhere",
            ingress => ingress.Any(FromAnywhere)),
        (FirewallProfile.Enabled, "nothing is allowed in from anywhere",
            _ => true),
    ];

    /// <param name="rules">The rules of every group of the port (stored, i.e. normalised).</param>
    public static FirewallProfile Of(IEnumerable<RuleSpec> rules)
    {
        var ingress = rules.Where(r => r.Direction == RuleDirection.Ingress).ToList();
        return Table.First(row => row.Matches(ingress)).Profile;
    }

    private static bool FromAnywhere(RuleSpec rule) => rule.Peer.CidrIpv4 == Anywhere;
}
