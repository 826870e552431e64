using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Instances;

public sealed class StopInstancesValidator : AbstractValidator<StopInstancesRequest>
{
    public StopInstancesValidator() =>
        RuleFor(r => r.Hibernate).Equal(false).WithMessage("Hibernation is not supported for these instances.");
}
