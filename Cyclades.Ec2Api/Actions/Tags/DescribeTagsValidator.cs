using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Tags;

public sealed class DescribeTagsValidator : AbstractValidator<DescribeTagsRequest>
{
    public DescribeTagsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagDescriptionFilters.InMemory.Names);
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}
