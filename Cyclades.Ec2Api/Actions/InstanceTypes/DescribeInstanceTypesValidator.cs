using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

public sealed class DescribeInstanceTypesValidator : AbstractValidator<DescribeInstanceTypesRequest>
{
    /// <summary>The model's range for this action (5–100); unlike the others, above it is invalid.</summary>
    public const int MaxPageSize = 100;

    public DescribeInstanceTypesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(InstanceTypeFilters.Set.Names);
        RuleFor(r => r.MaxResults).MustBeAPageSize()
            .Must(size => size is null or <= MaxPageSize)
            .WithMessage((_, size) => $"Value ( {size?.ToString(CultureInfo.InvariantCulture)} ) for parameter maxResults is invalid. Expecting a value less than or equal to {MaxPageSize}.");
    }
}
