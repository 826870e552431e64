using Cyclades.Ec2Api.Actions.Addresses;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class CreateNetworkInterfaceValidator : AbstractValidator<CreateNetworkInterfaceRequest>
{
    public CreateNetworkInterfaceValidator()
    {
        RuleFor(r => r.PrivateIpAddress).Must(AddressRules.IsIpv4)
            .WithMessage((_, a) => $"Value ({a}) for parameter privateIpAddress is invalid. Not a valid IPv4 address.");
        RuleFor(r => r.InterfaceType).Must(t => t is null or "interface")
            .WithErrorCode(Ec2ValidationCodes.UnsupportedOperation)
            .WithMessage((_, t) => $"The interface type '{t}' is not supported by this endpoint: only ordinary interfaces.");
        RuleFor(r => r.SecondaryPrivateIpAddressCount).Must(c => c is null or 0)
            .WithErrorCode(Ec2ValidationCodes.UnsupportedOperation)
            .WithMessage("Secondary private addresses are not supported by this endpoint: an interface has one address.");
        RuleFor(r => r.Ipv6AddressCount).Must(c => c is null or 0)
            .WithErrorCode(Ec2ValidationCodes.UnsupportedOperation)
            .WithMessage("Subnets here have no IPv6 addresses.");
        RuleFor(r => r.TagSpecifications).MustTag("network-interface");
        RuleFor(r => r.ClientToken).MustBeAClientToken();
    }
}
