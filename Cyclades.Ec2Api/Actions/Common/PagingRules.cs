using System.Globalization;
using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>MaxResults as EC2 checks it (ec2-protocol.md §1.9): below the minimum is invalid, above the maximum is clamped.</summary>
public static class PagingRules
{
    public const int MinPageSize = 5;

    public static IRuleBuilderOptions<T, int?> MustBeAPageSize<T>(this IRuleBuilder<T, int?> rule, int min = MinPageSize) =>
        rule.Must(size => size is null || size >= min)
            .WithMessage((_, size) => $"Value ( {size?.ToString(CultureInfo.InvariantCulture)} ) for parameter maxResults is invalid. Expecting a value greater than {min}.");

    /// <summary>AWS: "The parameter instancesSet cannot be used with the parameter maxResults".</summary>
    public static IRuleBuilderOptions<T, int?> MustNotComeWith<T>(this IRuleBuilder<T, int?> rule, Func<T, bool> given, string parameter) =>
        rule.Must((request, size) => size is null || !given(request))
            .WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage($"The parameter {parameter} cannot be used with the parameter maxResults");

    /// <summary>The page size to use: MaxResults clamped to <paramref name="max"/>, or <paramref name="max"/> when not given.</summary>
    public static int PageSize(int? maxResults, int max) => Math.Min(maxResults ?? max, max);
}
