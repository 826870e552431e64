using FluentValidation;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

public sealed class DescribeInstanceAttributeValidator : AbstractValidator<DescribeInstanceAttributeRequest>
{
    public DescribeInstanceAttributeValidator() =>
        RuleFor(r => r.Attribute).Must(InstanceAttributeNames.All.Contains)
            .WithMessage(r => $"Value ({r.Attribute}) for parameter attribute is invalid. Unknown attribute.");
}
