using System.Globalization;
using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Subnets;

/// <summary>
/// The DescribeSubnets filters (with <c>tag:&lt;key&gt;</c>), and the older names scripts still send:
/// <c>defaultForAz</c>, <c>cidr</c>, <c>cidrBlock</c>, <c>availabilityZone</c>.
/// </summary>
public static class SubnetFilters
{
    public static readonly Ec2FilterSet<SubnetItem> Set = new Ec2FilterSet<SubnetItem>()
        .Add("subnet-id", s => s.SubnetId)
        .Add("subnet-arn", s => s.SubnetArn)
        .Add("vpc-id", s => s.VpcId)
        .Add("state", s => s.State)
        .Add("owner-id", s => s.OwnerId)
        .Add("cidr-block", s => s.CidrBlock)
        .Add("cidr", s => s.CidrBlock)
        .Add("cidrBlock", s => s.CidrBlock)
        .Add("availability-zone", s => s.AvailabilityZone)
        .Add("availabilityZone", s => s.AvailabilityZone)
        .Add("availability-zone-id", s => s.AvailabilityZoneId)
        .Add("available-ip-address-count", s => s.AvailableIpAddressCount.ToString(CultureInfo.InvariantCulture))
        .Add("default-for-az", s => FilterValues.Bool(s.DefaultForAz))
        .Add("defaultForAz", s => FilterValues.Bool(s.DefaultForAz))
        .Add("map-public-ip-on-launch", s => FilterValues.Bool(s.MapPublicIpOnLaunch))
        .Add("ipv6-native", s => FilterValues.Bool(s.Ipv6Native))
        .Add("enable-dns64", s => FilterValues.Bool(s.EnableDns64))
        .Add("private-dns-name-options-on-launch.hostname-type", s => s.PrivateDnsNameOptionsOnLaunch.HostnameType)
        .AddEach("tag-key", s => s.Tags.Select(t => t.Key));
}
