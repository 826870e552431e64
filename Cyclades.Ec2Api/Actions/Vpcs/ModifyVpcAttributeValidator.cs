using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class ModifyVpcAttributeValidator : AbstractValidator<ModifyVpcAttributeRequest>
{
    public ModifyVpcAttributeValidator()
    {
        RuleFor(r => r.Given().Count()).GreaterThan(0).WithErrorCode(Ec2ValidationCodes.MissingParameter)
            .OverridePropertyName("EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics");
        RuleFor(r => r.Given().Count()).LessThan(2).WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("You can only modify one attribute at a time.");
    }
}
