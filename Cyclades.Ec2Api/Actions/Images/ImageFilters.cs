using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>The DescribeImages filters (all of the model's; those about things our images lack match nothing).</summary>
public static class ImageFilters
{
    public static readonly Ec2FilterSet<ImageItem> Set = new Ec2FilterSet<ImageItem>()
        .Add("architecture", i => i.Architecture)
        .Add("block-device-mapping.delete-on-termination", i => Root(i).Ebs.DeleteOnTermination ? "true" : "false")
        .Add("block-device-mapping.device-name", i => Root(i).DeviceName)
        .Add("block-device-mapping.snapshot-id", _ => null)
        .Add("block-device-mapping.volume-size", i => Root(i).Ebs.VolumeSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add("block-device-mapping.volume-type", i => Root(i).Ebs.VolumeType)
        .Add("block-device-mapping.encrypted", _ => "false")
        .Add("creation-date", i => i.CreationDate)
        .Add("description", i => i.Description)
        .Add("ena-support", i => i.EnaSupport ? "true" : "false")
        .Add("free-tier-eligible", _ => "false")
        .Add("hypervisor", i => i.Hypervisor)
        .Add("image-allowed", _ => "true")
        .Add("image-id", i => i.ImageId)
        .Add("image-type", i => i.ImageType)
        .Add("is-public", i => i.IsPublic ? "true" : "false")
        .Add("kernel-id", _ => null)
        .Add("manifest-location", i => i.ImageLocation)
        .Add("name", i => i.Name)
        .Add("owner-alias", i => i.OwnerAlias)
        .Add("owner-id", i => i.OwnerId)
        .Add("platform", _ => null)
        .Add("platform-details", i => i.PlatformDetails)
        .Add("product-code", _ => null)
        .Add("product-code.type", _ => null)
        .Add("ramdisk-id", _ => null)
        .Add("root-device-name", i => i.RootDeviceName)
        .Add("root-device-type", i => i.RootDeviceType)
        .Add("source-image-id", i => i.SourceImageId)
        .Add("source-image-region", _ => null)
        .Add("source-instance-id", i => i.SourceInstanceId)
        .Add("state", i => i.State)
        .Add("state-reason-code", i => i.StateReason?.Code)
        .Add("state-reason-message", i => i.StateReason?.Message)
        .Add("sriov-net-support", _ => null)
        .AddEach("tag-key", i => i.Tags.Select(t => t.Key))
        .AddEach("tag-value", i => i.Tags.Select(t => t.Value))
        .Add("virtualization-type", i => i.VirtualizationType);

    /// <summary>Images map their root device only.</summary>
    private static ImageBlockDeviceMappingItem Root(ImageItem image) => image.BlockDeviceMappings[0];
}
