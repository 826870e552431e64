using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>The model's <c>SecurityGroup</c> (DescribeSecurityGroups' <c>securityGroupInfo</c>).</summary>
public sealed class SecurityGroupItem
{
    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("groupName")]
    public required string GroupName { get; init; }

    [Ec2Element("groupId")]
    public required string GroupId { get; init; }

    [Ec2Element("groupDescription")]
    public required string Description { get; init; }

    [Ec2Element("ipPermissions")]
    public required IReadOnlyList<IpPermissionItem> IpPermissions { get; init; }

    [Ec2Element("ipPermissionsEgress")]
    public required IReadOnlyList<IpPermissionItem> IpPermissionsEgress { get; init; }

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("securityGroupArn")]
    public required string SecurityGroupArn { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }
}
