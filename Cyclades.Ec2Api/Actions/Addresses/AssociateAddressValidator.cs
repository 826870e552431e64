using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class AssociateAddressValidator : AbstractValidator<AssociateAddressRequest>
{
    public AssociateAddressValidator()
    {
        RuleFor(r => r.AllocationId ?? r.PublicIp).NotEmpty()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("AllocationId");
        RuleFor(r => r.InstanceId ?? r.NetworkInterfaceId).NotEmpty()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("InstanceId");
        RuleFor(r => r).Must(r => r.InstanceId is null || r.NetworkInterfaceId is null)
            .WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("You may specify either the instance ID or the network interface ID, but not both.");
        RuleFor(r => r.PublicIp).Must(AddressRules.IsIpv4).WithMessage((_, a) => AddressRules.NotIpv4(a));
        RuleFor(r => r.PrivateIpAddress).Must(AddressRules.IsIpv4)
            .WithMessage((_, a) => $"Value ({a}) for parameter privateIpAddress is invalid. Not a valid IPv4 address.");
    }
}
