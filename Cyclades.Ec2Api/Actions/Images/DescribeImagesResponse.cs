using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class DescribeImagesResponse : Ec2Response
{
    [Ec2Element("imagesSet")]
    public required IReadOnlyList<ImageItem> Images { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

/// <summary>The model's <c>Image</c> for a catalog image: public, available, offered by the cloud.</summary>
public sealed class ImageItem
{
    [Ec2Element("imageId")]
    public required string ImageId { get; init; }

    [Ec2Element("imageLocation")]
    public required string ImageLocation { get; init; }

    [Ec2Element("imageState")]
    public string State { get; init; } = "available";

    [Ec2Element("stateReason")]
    public StateReasonItem? StateReason { get; init; }

    [Ec2Element("imageOwnerId")]
    public string OwnerId { get; init; } = ImageOwners.CatalogOwnerId;

    /// <summary>Only the cloud's own images have one (<c>amazon</c>).</summary>
    [Ec2Element("imageOwnerAlias")]
    public string? OwnerAlias { get; init; } = ImageOwners.CatalogOwnerAlias;

    [Ec2Element("creationDate")]
    public required string CreationDate { get; init; }

    [Ec2Element("isPublic")]
    public bool IsPublic { get; init; } = true;

    [Ec2Element("architecture")]
    public string Architecture { get; init; } = InstanceFacts.Architecture;

    [Ec2Element("imageType")]
    public string ImageType { get; init; } = "machine";

    [Ec2Element("name")]
    public required string Name { get; init; }

    [Ec2Element("description")]
    public required string Description { get; init; }

    [Ec2Element("rootDeviceType")]
    public string RootDeviceType { get; init; } = InstanceFacts.RootDeviceType;

    [Ec2Element("rootDeviceName")]
    public string RootDeviceName { get; init; } = InstanceFacts.RootDeviceName;

    /// <summary>The root device: the volume a launch makes from the image (size: what the image needs, at least 1 GiB).</summary>
    [Ec2Element("blockDeviceMapping")]
    public required IReadOnlyList<ImageBlockDeviceMappingItem> BlockDeviceMappings { get; init; }

    [Ec2Element("virtualizationType")]
    public string VirtualizationType { get; init; } = InstanceFacts.VirtualizationType;

    [Ec2Element("hypervisor")]
    public string Hypervisor { get; init; } = InstanceFacts.Hypervisor;

    [Ec2Element("enaSupport")]
    public bool EnaSupport { get; init; }

    [Ec2Element("platformDetails")]
    public string PlatformDetails { get; init; } = InstanceFacts.PlatformDetails;

    [Ec2Element("usageOperation")]
    public string UsageOperation { get; init; } = "RunInstances";

    [Ec2Element("sourceImageId")]
    public string? SourceImageId { get; init; }

    [Ec2Element("sourceInstanceId")]
    public string? SourceInstanceId { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    public static ImageItem From(Image image, IEnumerable<Tag> tags) => new()
    {
        ImageId = ImageIds.Of(image.Id),
        ImageLocation = $"{(image.OwnerUserId is null ? ImageOwners.CatalogOwnerAlias : ImageOwners.OwnerIdOf(image))}/{image.Name}",
        State = image.State.ToString().ToLowerInvariant(),
        StateReason = image is { State: ImageState.Failed } ? new StateReasonItem { Code = "Client.ImageFailed", Message = image.StateMessage ?? "" } : null,
        OwnerId = ImageOwners.OwnerIdOf(image),
        OwnerAlias = image.OwnerUserId is null ? ImageOwners.CatalogOwnerAlias : null,
        IsPublic = image.IsEveryones,
        CreationDate = image.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        Name = image.Name,
        Description = image.Description,
        SourceImageId = image.OwnerUserId is not null && image.SourceImageId is { } source ? ImageIds.Of(source) : null,
        SourceInstanceId = image.SourceServerId is { } server ? Instances.InstanceIds.Of(server) : null,
        Tags = TagItem.From(tags),
        BlockDeviceMappings = ImageBlockDeviceMappingItem.Of(image),
    };
}

/// <summary>The model's <c>BlockDeviceMapping</c> of an image.</summary>
public sealed class ImageBlockDeviceMappingItem
{
    /// <summary>An image's one mapping: its root device, at least the size the image needs.</summary>
    public static IReadOnlyList<ImageBlockDeviceMappingItem> Of(Image image) =>
    [
        new ImageBlockDeviceMappingItem
        {
            DeviceName = InstanceFacts.RootDeviceName,
            Ebs = new ImageEbsItem { VolumeSize = Math.Max(image.MinDiskGiB, 1) },
        },
    ];

    [Ec2Element("deviceName")]
    public required string DeviceName { get; init; }

    [Ec2Element("ebs")]
    public required ImageEbsItem Ebs { get; init; }
}

/// <summary>The model's <c>EbsBlockDevice</c> of an image mapping (no snapshot: the image's OS fills a blank volume).</summary>
public sealed class ImageEbsItem
{
    [Ec2Element("deleteOnTermination")]
    public bool DeleteOnTermination { get; init; } = true;

    [Ec2Element("volumeSize")]
    public required int VolumeSize { get; init; }

    [Ec2Element("volumeType")]
    public string VolumeType { get; init; } = Volumes.VolumeTypeMapping.Default;

    [Ec2Element("encrypted")]
    public bool Encrypted { get; init; }
}

/// <summary>Why an image failed.</summary>
public sealed class StateReasonItem
{
    [Ec2Element("code")]
    public required string Code { get; init; }

    [Ec2Element("message")]
    public required string Message { get; init; }
}
