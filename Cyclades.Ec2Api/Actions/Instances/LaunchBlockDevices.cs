using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Volumes;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Launches;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// RunInstances' block device mappings as the core's launch volumes: the entry naming the image's
/// root device overrides the root volume (size, type, delete-on-termination); every other EBS entry
/// adds a blank volume; <c>NoDevice</c> suppresses an image mapping (images map only their root, which
/// cannot be suppressed). Snapshots, encryption and instance store are refused, not ignored.
/// </summary>
public static class LaunchBlockDevices
{
    public static (LaunchVolume Root, IReadOnlyList<LaunchVolume> Extra) Translate(
        IReadOnlyList<BlockDeviceMappingParameter> mappings, VolumeTypeMapping types)
    {
        var root = new LaunchVolume(DeviceName: InstanceFacts.RootDeviceName);
        var extra = new List<LaunchVolume>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            var device = mapping.DeviceName is { Length: > 0 } name
                ? name
                : throw Ec2Errors.MissingParameter("BlockDeviceMapping.N.DeviceName");
            if (!DeviceNames.IsValid(device))
            {
                throw Ec2Errors.InvalidBlockDeviceMapping($"Value ({device}) for parameter deviceName is invalid. {device} is not a valid EBS device name.");
            }
            if (!seen.Add(device))
            {
                throw Ec2Errors.InvalidBlockDeviceMapping($"The device '{device}' is used in more than one block-device mapping");
            }
            var isRoot = device == InstanceFacts.RootDeviceName;
            if ((mapping.Ebs is not null ? 1 : 0) + (mapping.NoDevice is not null ? 1 : 0) + (mapping.VirtualName is not null ? 1 : 0) != 1)
            {
                throw Ec2Errors.InvalidBlockDeviceMapping($"The block device mapping for '{device}' must have exactly one of Ebs, NoDevice and VirtualName.");
            }
            if (mapping.VirtualName is not null)
            {
                throw Ec2Errors.UnsupportedOperation("Instance store volumes (VirtualName) are not supported by this endpoint: every volume is an EBS volume.");
            }
            if (mapping.NoDevice is not null)
            {
                if (isRoot)
                {
                    throw Ec2Errors.InvalidBlockDeviceMapping($"The root device '{device}' cannot be suppressed with NoDevice.");
                }
                continue;
            }
            var ebs = mapping.Ebs!;
            Refuse(ebs);
            var type = types.ToCore(ebs.VolumeType);
            if (isRoot)
            {
                root = root with { SizeGiB = ebs.VolumeSize, VolumeType = type, DeleteOnTermination = ebs.DeleteOnTermination ?? true };
            }
            else
            {
                extra.Add(new LaunchVolume(
                    ebs.VolumeSize ?? throw Ec2Errors.InvalidBlockDeviceMapping($"The block device mapping for '{device}' needs Ebs.VolumeSize (snapshots are not supported)."),
                    type, ebs.DeleteOnTermination ?? true, device));
            }
        }
        return (root, extra);
    }

    private static void Refuse(EbsBlockDeviceParameter ebs)
    {
        if (ebs.VolumeType is { } type && !VolumeTypeMapping.IsEc2Type(type))
        {
            throw Ec2Errors.InvalidParameterValue($"Value ({type}) for parameter volumeType is invalid. Expected one of: {string.Join(", ", VolumeTypeMapping.Ec2Types)}.");
        }
        if (ebs.SnapshotId is not null)
        {
            throw Ec2Errors.UnsupportedOperation("EBS snapshots are not supported by this endpoint.");
        }
        if (ebs.Encrypted == true || ebs.KmsKeyId is not null)
        {
            throw Ec2Errors.UnsupportedOperation("Encrypted EBS volumes are not supported by this endpoint.");
        }
    }
}
