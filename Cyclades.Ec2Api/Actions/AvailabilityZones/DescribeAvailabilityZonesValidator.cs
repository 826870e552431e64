using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

public sealed class DescribeAvailabilityZonesValidator : AbstractValidator<DescribeAvailabilityZonesRequest>
{
    public DescribeAvailabilityZonesValidator(AvailabilityZoneCatalog catalog)
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(AvailabilityZoneFilters.Set.Names);
        RuleForEach(r => r.ZoneNames)
            .Must(name => catalog.Zones.Any(z => z.Name == name))
            .WithMessage((_, name) => $"Invalid availability zone: [{name}]");
        RuleForEach(r => r.ZoneIds)
            .Must(id => catalog.Zones.Any(z => z.Id == id))
            .WithMessage((_, id) => $"Invalid availability zone ID: [{id}]");
    }
}
