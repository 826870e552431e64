using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class DisassociateAddressValidator : AbstractValidator<DisassociateAddressRequest>
{
    public DisassociateAddressValidator()
    {
        RuleFor(r => r.AssociationId ?? r.PublicIp).NotEmpty()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("AssociationId");
        RuleFor(r => r).Must(r => r.AssociationId is null || r.PublicIp is null)
            .WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("You may specify either an association id or a public IP address, but not both.");
        RuleFor(r => r.PublicIp).Must(AddressRules.IsIpv4).WithMessage((_, a) => AddressRules.NotIpv4(a));
    }
}
