using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DescribeVpcsValidator : AbstractValidator<DescribeVpcsRequest>
{
    public DescribeVpcsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(VpcFilters.Set));
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}
