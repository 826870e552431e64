using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>
/// VPC ids (<c>vpc-</c> + 17 hex digits of the network's id) and the ids of what each VPC has exactly
/// one of, derived from the same number: its CIDR association, DHCP options, main route table and its
/// association, default network ACL and, for the default VPC, its internet gateway.
/// </summary>
public static class VpcIds
{
    public const string Prefix = "vpc-";

    public static string Of(long networkId) => Ec2Id.Format(Prefix, networkId);

    public static bool TryParse(string id, out long networkId) => Ec2Id.TryParse(Prefix, id, out networkId);

    public static string CidrAssociationOf(long networkId) => Ec2Id.Format("vpc-cidr-assoc-", networkId);

    public static string DhcpOptionsOf(long networkId) => Ec2Id.Format("dopt-", networkId);

    public static string RouteTableOf(long networkId) => Ec2Id.Format("rtb-", networkId);

    public static string RouteTableAssociationOf(long networkId) => Ec2Id.Format("rtbassoc-", networkId);

    public static string NetworkAclOf(long networkId) => Ec2Id.Format("acl-", networkId);

    public static string InternetGatewayOf(long networkId) => Ec2Id.Format("igw-", networkId);

    /// <summary>How a VPC is named among tagged resources.</summary>
    public static TaggedResource Resource(long networkId) =>
        new(TaggedResourceType.Network, networkId.ToString(CultureInfo.InvariantCulture));
}
