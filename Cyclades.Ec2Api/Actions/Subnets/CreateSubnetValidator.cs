using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class CreateSubnetValidator : AbstractValidator<CreateSubnetRequest>
{
    public CreateSubnetValidator()
    {
        RuleFor(r => r.CidrBlock).Must(c => CidrBlocks.Canonical(c) is not null)
            .WithMessage((_, c) => $"Value ({c}) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        RuleFor(r => r.AvailabilityZoneId).Null().When(r => r.AvailabilityZone is not null)
            .WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("Only one of availabilityZone and availabilityZoneId may be given.");
        RuleFor(r => r.TagSpecifications).MustTag("subnet");
    }
}
