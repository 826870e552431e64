using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class DescribeNetworkInterfacesValidator : AbstractValidator<DescribeNetworkInterfacesRequest>
{
    public DescribeNetworkInterfacesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(NetworkInterfaceFilters.Set));
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.NetworkInterfaceIds.Count > 0, "NetworkInterfaceIds").MustBeAPageSize();
    }
}
