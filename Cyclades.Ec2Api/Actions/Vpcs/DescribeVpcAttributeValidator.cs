using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DescribeVpcAttributeValidator : AbstractValidator<DescribeVpcAttributeRequest>
{
    public DescribeVpcAttributeValidator() =>
        RuleFor(r => r.Attribute).Must(VpcAttributes.Names.Contains)
            .WithMessage((_, a) => $"Value ({a}) for parameter attribute is invalid. Expected one of: {string.Join(", ", VpcAttributes.Names)}.");
}
