using Cyclades.Ec2Api.Actions.Common;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class DescribeAddressesAttributeValidator : AbstractValidator<DescribeAddressesAttributeRequest>
{
    public DescribeAddressesAttributeValidator()
    {
        RuleFor(r => r.Attribute).Must(a => a is null or DescribeAddressesAttributeRequest.DomainName)
            .WithMessage((_, a) => $"Value ({a}) for parameter attribute is invalid. Expected: '{DescribeAddressesAttributeRequest.DomainName}'.");
        RuleFor(r => r.MaxResults).MustBeAPageSize(min: 1);
        RuleForEach(r => r.AllocationIds).Must(id => Ec2Id.TryParse(AddressIds.Prefix, id, out _))
            .WithMessage((_, id) => $"Value ({id}) for parameter allocationId is invalid. Expected: '{AddressIds.Prefix}...'.");
    }
}
