using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.NetworkAcls;

public sealed class DescribeNetworkAclsValidator : AbstractValidator<DescribeNetworkAclsRequest>
{
    public DescribeNetworkAclsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(NetworkAclItem.Filters));
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}
