using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DescribeVpcClassicLinkValidator : AbstractValidator<DescribeVpcClassicLinkRequest>
{
    public DescribeVpcClassicLinkValidator() =>
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(VpcClassicLinkItem.Filters));
}
