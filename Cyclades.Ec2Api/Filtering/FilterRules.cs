using FluentValidation;

namespace Cyclades.Ec2Api.Filtering;

public static class FilterRules
{
    /// <summary>Each filter must be one the action understands and carry at least one value.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<Filter>> MustBeKnownFilters<T>(
        this IRuleBuilder<T, IReadOnlyList<Filter>> rule, IReadOnlyCollection<string> names) =>
        rule.Custom((filters, context) =>
        {
            foreach (var filter in filters)
            {
                if (!names.Contains(filter.Name))
                {
                    context.AddFailure("Filter", $"The filter '{filter.Name}' is invalid");
                }
                else if (filter.Values.Count == 0)
                {
                    context.AddFailure("Filter", $"The filter '{filter.Name}' must have at least one value.");
                }
            }
        });
}
