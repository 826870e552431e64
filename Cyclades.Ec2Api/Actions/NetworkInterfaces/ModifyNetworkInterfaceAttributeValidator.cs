using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class ModifyNetworkInterfaceAttributeValidator : AbstractValidator<ModifyNetworkInterfaceAttributeRequest>
{
    public ModifyNetworkInterfaceAttributeValidator()
    {
        RuleFor(r => r.Count).GreaterThan(0).WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Description");
        RuleFor(r => r.Count).LessThan(2).WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("Only one attribute can be modified at a time.");
        RuleFor(r => r.Description!.Value).MaximumLength(255).When(r => r.Description is not null).OverridePropertyName("Description");
        RuleFor(r => r.Attachment!.AttachmentId).NotEmpty().When(r => r.Attachment is not null)
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Attachment.AttachmentId");
        RuleFor(r => r.Attachment!.DeleteOnTermination).NotNull().When(r => r.Attachment is not null)
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Attachment.DeleteOnTermination");
    }
}
