using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

public sealed class DescribeAvailabilityZonesValidator : AbstractValidator<DescribeAvailabilityZonesRequest>
{
    public DescribeAvailabilityZonesValidator() =>
        RuleFor(r => r.Filters).MustBeKnownFilters(AvailabilityZoneFilters.Set.Names);
}
