using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Hosting;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Regions;

public sealed class DescribeRegionsValidator : AbstractValidator<DescribeRegionsRequest>
{
    public DescribeRegionsValidator(IOptions<Ec2ApiOptions> options)
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(RegionFilters.Set.Names);
        RuleForEach(r => r.RegionNames)
            .Must(name => name == options.Value.Region)
            .WithMessage((_, name) => $"Invalid region: [{name}]");
    }
}
