using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

public sealed class DescribeInstanceTypeOfferingsValidator : AbstractValidator<DescribeInstanceTypeOfferingsRequest>
{
    public DescribeInstanceTypeOfferingsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(InstanceTypeOfferings.Filters.Names);
        RuleFor(r => r.LocationType).Must(t => t is null || InstanceTypeOfferings.LocationTypes.Contains(t))
            .WithMessage((_, t) => $"Value ({t}) for parameter locationType is invalid. Valid values: {string.Join(", ", InstanceTypeOfferings.LocationTypes)}");
        RuleFor(r => r.MaxResults).MustBeAPageSize();
    }
}
