using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class ModifySubnetAttributeValidator : AbstractValidator<ModifySubnetAttributeRequest>
{
    public ModifySubnetAttributeValidator()
    {
        RuleFor(r => r.Count).GreaterThan(0).WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("MapPublicIpOnLaunch");
        RuleFor(r => r.Count).LessThan(2).WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("You can only modify one attribute at a time.");
        RuleFor(r => r.PrivateDnsHostnameTypeOnLaunch).Must(t => t is null or "ip-name" or "resource-name")
            .WithMessage((_, t) => $"Value ({t}) for parameter privateDnsHostnameTypeOnLaunch is invalid. Expected: 'ip-name' or 'resource-name'.");
    }
}
