using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Hosting;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class CreateImageValidator : AbstractValidator<CreateImageRequest>
{
    // ec2_ami sends a snapshot specification too: no snapshots are made here, so its tags are not kept.
    public CreateImageValidator() => RuleFor(r => r.TagSpecifications).MustTag("image", "snapshot");
}

public sealed class RegisterImageValidator : AbstractValidator<RegisterImageRequest>
{
    public RegisterImageValidator()
    {
        RuleFor(r => r.TagSpecifications).MustTag("image");
        RuleFor(r => r.Architecture).Must(a => a is null or InstanceFacts.Architecture)
            .WithMessage(r => $"Value ({r.Architecture}) for parameter architecture is invalid. This cloud runs only '{InstanceFacts.Architecture}'.");
        RuleFor(r => r.VirtualizationType).Must(v => v is null or InstanceFacts.VirtualizationType)
            .WithMessage(r => $"Value ({r.VirtualizationType}) for parameter virtualizationType is invalid. This cloud runs only '{InstanceFacts.VirtualizationType}'.");
        RuleFor(r => r.ImageLocation).NotEmpty()
            .WithMessage("Value () for parameter ImageLocation is invalid. Name the OS as <os>+<variant> (images from instances are made with CreateImage).");
    }
}

public sealed class CopyImageValidator : AbstractValidator<CopyImageRequest>
{
    public CopyImageValidator(IOptions<Ec2ApiOptions> options)
    {
        RuleFor(r => r.TagSpecifications).MustTag("image");
        RuleFor(r => r.SourceRegion).Must(region => region == options.Value.Region)
            .WithMessage(r => $"Invalid region: [{r.SourceRegion}]; images are copied within the region '{options.Value.Region}' only.");
        RuleFor(r => r.Encrypted).Equal(false).WithMessage("Encrypted image copies are not supported by this endpoint.");
    }
}

public sealed class DeregisterImageValidator : AbstractValidator<DeregisterImageRequest>;

public sealed class DescribeImageAttributeValidator : AbstractValidator<DescribeImageAttributeRequest>
{
    public DescribeImageAttributeValidator() =>
        RuleFor(r => r.Attribute).Must(ImageAttributes.Described.Contains)
            .WithMessage(r => $"Value ({r.Attribute}) for parameter attribute is invalid. Expected one of: {string.Join(", ", ImageAttributes.Described)}.");
}

public sealed class ModifyImageAttributeValidator : AbstractValidator<ModifyImageAttributeRequest>
{
    public ModifyImageAttributeValidator()
    {
        RuleFor(r => r.Attribute).Must(a => a is null or ImageAttributes.LaunchPermission or ImageAttributes.Description)
            .WithMessage(r => $"Value ({r.Attribute}) for parameter attribute is invalid. Only '{ImageAttributes.LaunchPermission}' and '{ImageAttributes.Description}' can be modified.");
        RuleFor(r => r.OperationType).Must(o => o is null or "add" or "remove")
            .WithMessage(r => $"Value ({r.OperationType}) for parameter operationType is invalid. Expected: 'add' or 'remove'.");
    }
}

public sealed class ResetImageAttributeValidator : AbstractValidator<ResetImageAttributeRequest>
{
    public ResetImageAttributeValidator() =>
        RuleFor(r => r.Attribute).Equal(ImageAttributes.LaunchPermission)
            .WithMessage(r => $"Value ({r.Attribute}) for parameter attribute is invalid. Only '{ImageAttributes.LaunchPermission}' can be reset.");
}
