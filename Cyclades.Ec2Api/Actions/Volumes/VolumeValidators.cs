using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>EC2 volume types and the sizes each takes (ec2-networking-storage.md §6.2); all map to the zone's default disk template.</summary>
public static class VolumeTypes
{
    public static readonly IReadOnlyDictionary<string, (int Minimum, int Maximum)> Sizes = new Dictionary<string, (int, int)>
    {
        ["standard"] = (1, 1024),
        ["gp2"] = (1, 16384),
        ["gp3"] = (1, 16384),
        ["io1"] = (4, 16384),
        ["io2"] = (4, 16384),
        ["st1"] = (125, 16384),
        ["sc1"] = (125, 16384),
    };
}

public sealed class CreateVolumeValidator : AbstractValidator<CreateVolumeRequest>
{
    public CreateVolumeValidator()
    {
        RuleFor(r => r.AvailabilityZone).NotEmpty()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("AvailabilityZone");
        RuleFor(r => r.Size).NotNull()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Size");
        RuleFor(r => r.SnapshotId).Null().WithMessage("Snapshots are not supported by this endpoint.");
        RuleFor(r => r.VolumeType).Must(t => t is null || VolumeTypes.Sizes.ContainsKey(t))
            .WithMessage(r => $"Value ({r.VolumeType}) for parameter volumeType is invalid. Expected one of: {string.Join(", ", VolumeTypes.Sizes.Keys)}.");
        RuleFor(r => r).Must(r => r.Size is not { } size || r.VolumeType is { } type && !VolumeTypes.Sizes.ContainsKey(type)
                || SizeFits(r.VolumeType ?? "gp2", size))
            .WithMessage(r => $"Volume of {r.Size}GiB is too large or too small for volume type {r.VolumeType ?? "gp2"}.").OverridePropertyName("Size");
        RuleFor(r => r.Encrypted).Must(e => e != true).WithMessage("Encrypted volumes are not supported by this endpoint.");
        RuleFor(r => r.MultiAttachEnabled).Must(m => m != true).WithMessage("Multi-Attach is not supported by this endpoint.");
        RuleFor(r => r.TagSpecifications).MustTag("volume");
        RuleFor(r => r.ClientToken).MustBeAClientToken();
    }

    private static bool SizeFits(string type, int size) => size >= VolumeTypes.Sizes[type].Minimum && size <= VolumeTypes.Sizes[type].Maximum;
}

public sealed class AttachVolumeValidator : AbstractValidator<AttachVolumeRequest>
{
    public AttachVolumeValidator()
    {
        RuleFor(r => r.VolumeId).NotEmpty().WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("VolumeId");
        RuleFor(r => r.InstanceId).NotEmpty().WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("InstanceId");
        RuleFor(r => r.Device).NotEmpty().WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Device");
        RuleFor(r => r.Device).Must(d => d is null || DeviceNames.IsValid(d))
            .WithMessage(r => $"Value ({r.Device}) for parameter device is invalid. {r.Device} is not a valid EBS device name.");
    }
}

public sealed class DetachVolumeValidator : AbstractValidator<DetachVolumeRequest>
{
    public DetachVolumeValidator() =>
        RuleFor(r => r.VolumeId).NotEmpty().WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("VolumeId");
}

public sealed class DeleteVolumeValidator : AbstractValidator<DeleteVolumeRequest>
{
    public DeleteVolumeValidator() =>
        RuleFor(r => r.VolumeId).NotEmpty().WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("VolumeId");
}

public sealed class DescribeVolumesValidator : AbstractValidator<DescribeVolumesRequest>
{
    public DescribeVolumesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(VolumeFilters.Set));
        RuleFor(r => r.MaxResults).Must(m => m is null or > 0)
            .WithMessage(r => $"Value ({r.MaxResults}) for parameter maxResults is invalid. Expecting a positive value.");
    }
}

public sealed class ModifyVolumeValidator : AbstractValidator<ModifyVolumeRequest>
{
    public ModifyVolumeValidator()
    {
        RuleFor(r => r.VolumeId).NotEmpty().WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("VolumeId");
        RuleFor(r => r.VolumeType).Must(t => t is null || VolumeTypes.Sizes.ContainsKey(t))
            .WithMessage(r => $"Value ({r.VolumeType}) for parameter volumeType is invalid. Expected one of: {string.Join(", ", VolumeTypes.Sizes.Keys)}.");
        RuleFor(r => r).Must(r => r.Size is not null || r.VolumeType is not null || r.Iops is not null || r.Throughput is not null
                || r.MultiAttachEnabled is not null)
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Size");
        RuleFor(r => r.Size).Must(s => s is null or > 0)
            .WithMessage(r => $"Value ({r.Size}) for parameter size is invalid. Expecting a positive value.");
    }
}

public sealed class DescribeVolumesModificationsValidator : AbstractValidator<DescribeVolumesModificationsRequest>
{
    public DescribeVolumesModificationsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(VolumeModificationFilters.Set.Names);
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}

public sealed class DescribeVolumeStatusValidator : AbstractValidator<DescribeVolumeStatusRequest>
{
    public DescribeVolumeStatusValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(VolumeStatusFilters.Set.Names);
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.VolumeIds.Count > 0, "volumeId").MustBeAPageSize();
    }
}
