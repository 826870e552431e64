using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.RouteTables;

public sealed class DescribeRouteTablesValidator : AbstractValidator<DescribeRouteTablesRequest>
{
    public DescribeRouteTablesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(RouteTableFilters.Set));
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}
