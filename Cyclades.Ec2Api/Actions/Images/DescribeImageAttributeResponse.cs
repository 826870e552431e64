using Cyclades.Ec2Api.Actions.InstanceAttributes;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>The image id and the one attribute asked for.</summary>
public sealed class DescribeImageAttributeResponse : Ec2Response
{
    [Ec2Element("imageId")]
    public required string ImageId { get; init; }

    [Ec2Element("launchPermission")]
    public IReadOnlyList<LaunchPermissionItem>? LaunchPermissions { get; init; }

    [Ec2Element("description")]
    public AttributeValueItem? Description { get; init; }

    [Ec2Element("productCodes")]
    public IReadOnlyList<ProductCodeItem>? ProductCodes { get; init; }

    [Ec2Element("blockDeviceMapping")]
    public IReadOnlyList<ImageBlockDeviceMappingItem>? BlockDeviceMappings { get; init; }
}

/// <summary>One launch permission: an account, or the group <c>all</c>.</summary>
public sealed class LaunchPermissionItem
{
    [Ec2Element("userId")]
    public string? UserId { get; init; }

    [Ec2Element("group")]
    public string? Group { get; init; }
}
