using System.Globalization;
using Cyclades.Logic.Networks;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>
/// The cluster tags that carry a port's firewall to its server: Synnefo's profile tag
/// <c>synnefo:network:snf-nic-&lt;port id&gt;:&lt;suffix&gt;</c> (read by the nodes' snf-network
/// scripts; the suffixes are Synnefo's, crossed: ENABLED is <c>protected</c>, PROTECTED is
/// <c>limited</c>, DISABLED has no tag), and one record of each group the port is in,
/// <c>cyclades:sg:snf-nic-&lt;port id&gt;:&lt;group id&gt;</c> (read by nothing on the nodes: for the
/// operator). All are valid Ganeti tags (at most 59 characters of <c>[a-z0-9:-]</c>).
/// </summary>
public static class FirewallTags
{
    public const string ProfilePrefix = "synnefo:network:" + ClusterNetworks.NicNamePrefix;

    public const string GroupPrefix = "cyclades:sg:" + ClusterNetworks.NicNamePrefix;

    /// <summary>The profile's tag for the port's NIC; null for <see cref="FirewallProfile.Disabled"/>.</summary>
    public static string? ProfileTag(long portId, FirewallProfile profile) => profile switch
    {
        FirewallProfile.Enabled => $"{ProfilePrefix}{Id(portId)}:protected",
        FirewallProfile.Protected => $"{ProfilePrefix}{Id(portId)}:limited",
        _ => null,
    };

    public static string GroupTag(long portId, long groupId) => $"{GroupPrefix}{Id(portId)}:{Id(groupId)}";

    /// <summary>Every tag the port's NIC gets from these groups (all of the port's).</summary>
    public static IReadOnlyList<string> Of(long portId, IReadOnlyCollection<SecurityGroupWithRules> groups) =>
    [
        .. ProfileTag(portId, FirewallProfiles.Of(groups.SelectMany(g => g.Rules).Select(r => r.Spec))) is { } profile ? [profile] : Array.Empty<string>(),
        .. groups.Select(g => GroupTag(portId, g.Group.Id)).Order(StringComparer.Ordinal),
    ];

    /// <summary>A firewall tag of any NIC: the core owns these, and removes those no port of the server should have.</summary>
    public static bool IsFirewallTag(string tag) =>
        tag.StartsWith(ProfilePrefix, StringComparison.Ordinal) || tag.StartsWith(GroupPrefix, StringComparison.Ordinal);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
