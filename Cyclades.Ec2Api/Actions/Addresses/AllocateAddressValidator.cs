using Cyclades.Ec2Api.Actions.Common;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class AllocateAddressValidator : AbstractValidator<AllocateAddressRequest>
{
    public AllocateAddressValidator() =>
        RuleFor(r => r.TagSpecifications).MustTag("elastic-ip");
}
