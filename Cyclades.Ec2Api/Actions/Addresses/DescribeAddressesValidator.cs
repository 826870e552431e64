using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class DescribeAddressesValidator : AbstractValidator<DescribeAddressesRequest>
{
    public DescribeAddressesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(AddressFilters.Set));
        RuleForEach(r => r.PublicIps).Must(AddressRules.IsIpv4).WithMessage((_, a) => AddressRules.NotIpv4(a));
    }
}
