using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Account;

public sealed class DescribeAccountAttributesValidator : AbstractValidator<DescribeAccountAttributesRequest>
{
    public DescribeAccountAttributesValidator() =>
        RuleForEach(r => r.AttributeNames).Must(AccountAttributes.Names.Contains)
            .WithMessage((_, name) => $"Value ({name}) for parameter attributeName is invalid. Unknown attribute.");
}
