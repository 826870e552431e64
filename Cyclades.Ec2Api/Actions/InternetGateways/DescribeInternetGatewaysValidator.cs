using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.InternetGateways;

public sealed class DescribeInternetGatewaysValidator : AbstractValidator<DescribeInternetGatewaysRequest>
{
    public DescribeInternetGatewaysValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(InternetGatewayItem.Filters));
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}
