using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

public sealed class ModifyInstanceAttributeValidator : AbstractValidator<ModifyInstanceAttributeRequest>
{
    public ModifyInstanceAttributeValidator()
    {
        RuleFor(r => r.Attributes()).NotEmpty()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Attribute");
        RuleFor(r => r.Attributes()).Must(a => a.Count <= 1)
            .WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("Only one attribute can be modified at a time.");
        RuleFor(r => r.Attribute).Must(a => a is null || InstanceAttributeNames.All.Contains(a))
            .WithMessage(r => $"Value ({r.Attribute}) for parameter attribute is invalid. Unknown attribute.");
        RuleFor(r => r.Value).NotNull().When(r => r.Attribute is not null && r.Attribute != "groupSet")
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Value");
        RuleFor(r => r.NewInstanceType).NotEmpty().When(r => r.Attributes() is [ModifyInstanceAttributeRequest.InstanceTypeAttribute])
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("InstanceType.Value");
    }
}
