using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The model's <c>BlockDeviceMapping</c> (RunInstances <c>BlockDeviceMapping.N.*</c>).</summary>
public sealed class BlockDeviceMappingParameter
{
    [Ec2Parameter("DeviceName")]
    public string? DeviceName { get; init; }

    [Ec2Parameter("Ebs")]
    public EbsBlockDeviceParameter? Ebs { get; init; }

    /// <summary>Present (usually empty): suppress the image's mapping for this device.</summary>
    [Ec2Parameter("NoDevice")]
    public string? NoDevice { get; init; }

    [Ec2Parameter("VirtualName")]
    public string? VirtualName { get; init; }
}

/// <summary>The model's <c>EbsBlockDevice</c>.</summary>
public sealed class EbsBlockDeviceParameter
{
    [Ec2Parameter("VolumeSize")]
    public int? VolumeSize { get; init; }

    [Ec2Parameter("VolumeType")]
    public string? VolumeType { get; init; }

    [Ec2Parameter("DeleteOnTermination")]
    public bool? DeleteOnTermination { get; init; }

    [Ec2Parameter("Encrypted")]
    public bool? Encrypted { get; init; }

    [Ec2Parameter("SnapshotId")]
    public string? SnapshotId { get; init; }

    [Ec2Parameter("KmsKeyId")]
    public string? KmsKeyId { get; init; }

    /// <summary>Accepted and not applied: the cluster has no per-disk IOPS (Ansible sends 3000 for gp3).</summary>
    [Ec2Parameter("Iops")]
    public int? Iops { get; init; }

    /// <summary>Accepted and not applied, as <see cref="Iops"/>.</summary>
    [Ec2Parameter("Throughput")]
    public int? Throughput { get; init; }
}

/// <summary>The model's <c>InstanceBlockDeviceMappingSpecification</c> (ModifyInstanceAttribute <c>BlockDeviceMapping.N.*</c>).</summary>
public sealed class InstanceBlockDeviceMappingParameter
{
    [Ec2Parameter("DeviceName")]
    public string? DeviceName { get; init; }

    [Ec2Parameter("Ebs")]
    public EbsInstanceBlockDeviceParameter? Ebs { get; init; }

    [Ec2Parameter("NoDevice")]
    public string? NoDevice { get; init; }

    [Ec2Parameter("VirtualName")]
    public string? VirtualName { get; init; }
}

/// <summary>The model's <c>EbsInstanceBlockDeviceSpecification</c>.</summary>
public sealed class EbsInstanceBlockDeviceParameter
{
    [Ec2Parameter("DeleteOnTermination")]
    public bool? DeleteOnTermination { get; init; }

    [Ec2Parameter("VolumeId")]
    public string? VolumeId { get; init; }
}
