using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class DescribeSubnetsValidator : AbstractValidator<DescribeSubnetsRequest>
{
    public DescribeSubnetsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(SubnetFilters.Set));
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}
