using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Tests.Ec2Api.Binding;

// Test-only request models with the flattening forms of the compute actions (RunInstances,
// DescribeInstances, ModifyInstanceAttribute), as the EC2 model names them.

public sealed class InstancesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("InstanceId", MaxItems = 3)]
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    [Ec2Parameter("Filter")]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class LaunchRequest : Ec2Request
{
    [Ec2Parameter("ImageId", Required = true)]
    public string ImageId { get; init; } = "";

    [Ec2Parameter("MinCount", Required = true)]
    public int MinCount { get; init; }

    [Ec2Parameter("UserData", MaxLength = 1000)]
    public byte[]? UserData { get; init; }

    [Ec2Parameter("ClientToken", MaxLength = 64)]
    public string? ClientToken { get; init; }

    [Ec2Parameter("BlockDeviceMapping")]
    public IReadOnlyList<BlockDeviceMapping> BlockDeviceMappings { get; init; } = [];

    [Ec2Parameter("TagSpecification")]
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];

    [Ec2Parameter("Placement")]
    public Placement? Placement { get; init; }
}

public sealed class BlockDeviceMapping
{
    [Ec2Parameter("DeviceName")]
    public string? DeviceName { get; init; }

    [Ec2Parameter("Ebs")]
    public EbsBlockDevice? Ebs { get; init; }
}

public sealed class EbsBlockDevice
{
    [Ec2Parameter("VolumeSize")]
    public int? VolumeSize { get; init; }

    [Ec2Parameter("DeleteOnTermination")]
    public bool? DeleteOnTermination { get; init; }
}

public sealed class TagSpecification
{
    [Ec2Parameter("ResourceType")]
    public string? ResourceType { get; init; }

    [Ec2Parameter("Tag")]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed class Tag
{
    [Ec2Parameter("Key", MaxLength = 128)]
    public string? Key { get; init; }

    [Ec2Parameter("Value", MaxLength = 256)]
    public string? Value { get; init; }
}

public sealed class Placement
{
    [Ec2Parameter("AvailabilityZone")]
    public string? AvailabilityZone { get; init; }
}

public sealed class ModifyAttributeRequest : Ec2Request
{
    [Ec2Parameter("InstanceId", Required = true)]
    public string InstanceId { get; init; } = "";

    [Ec2Parameter("InstanceType")]
    public AttributeValue? InstanceType { get; init; }

    [Ec2Parameter("Attribute")]
    public string? Attribute { get; init; }

    [Ec2Parameter("Value")]
    public string? Value { get; init; }
}

public sealed class AttributeValue
{
    [Ec2Parameter("Value")]
    public string? Value { get; init; }
}

public sealed class ScalarsRequest : Ec2Request
{
    [Ec2Parameter("Count")]
    public long? Count { get; init; }

    [Ec2Parameter("Ratio")]
    public double? Ratio { get; init; }

    [Ec2Parameter("StartTime")]
    public DateTimeOffset? StartTime { get; init; }

    [Ec2Parameter("Enabled")]
    public bool Enabled { get; init; }
}

public sealed class UndeclaredPropertyRequest : Ec2Request
{
    public string? Forgotten { get; init; }
}

public sealed class UnsupportedTypeRequest : Ec2Request
{
    [Ec2Parameter("When")]
    public TimeSpan When { get; init; }
}
