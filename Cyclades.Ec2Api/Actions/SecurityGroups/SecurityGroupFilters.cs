using System.Globalization;
using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>The DescribeSecurityGroups filters (with <c>tag:&lt;key&gt;</c>), ingress <c>ip-permission.*</c> and <c>egress.ip-permission.*</c>.</summary>
public static class SecurityGroupFilters
{
    public static readonly Ec2FilterSet<SecurityGroupItem> Set = Permissions(Permissions(new Ec2FilterSet<SecurityGroupItem>()
            .Add("description", g => g.Description)
            .Add("group-id", g => g.GroupId)
            .Add("group-name", g => g.GroupName)
            .Add("owner-id", g => g.OwnerId)
            .Add("vpc-id", g => g.VpcId)
            .AddEach("tag-key", g => g.Tags.Select(t => t.Key)),
        "ip-permission.", g => g.IpPermissions),
        "egress.ip-permission.", g => g.IpPermissionsEgress);

    private static Ec2FilterSet<SecurityGroupItem> Permissions(
        Ec2FilterSet<SecurityGroupItem> set, string prefix, Func<SecurityGroupItem, IReadOnlyList<IpPermissionItem>> of) => set
        .AddEach(prefix + "cidr", g => of(g).SelectMany(p => p.IpRanges.Select(r => r.CidrIp)))
        .AddEach(prefix + "ipv6-cidr", g => of(g).SelectMany(p => p.Ipv6Ranges.Select(r => r.CidrIpv6)))
        .AddEach(prefix + "prefix-list-id", g => of(g).SelectMany(p => p.PrefixListIds.Select(r => r.PrefixListId)))
        .AddEach(prefix + "group-id", g => of(g).SelectMany(p => p.Groups.Select(r => r.GroupId)))
        .AddEach(prefix + "user-id", g => of(g).SelectMany(p => p.Groups.Select(r => r.UserId)))
        .AddEach(prefix + "protocol", g => of(g).Select(p => p.IpProtocol))
        .AddEach(prefix + "from-port", g => of(g).Select(p => Port(p.FromPort)))
        .AddEach(prefix + "to-port", g => of(g).Select(p => Port(p.ToPort)));

    private static string? Port(int? port) => port?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The DescribeSecurityGroupRules filters (with <c>tag:&lt;key&gt;</c>).</summary>
public static class SecurityGroupRuleFilters
{
    public static readonly Ec2FilterSet<SecurityGroupRuleItem> Set = new Ec2FilterSet<SecurityGroupRuleItem>()
        .Add("group-id", r => r.GroupId)
        .Add("security-group-rule-id", r => r.SecurityGroupRuleId);
}
