using FluentValidation;

namespace Cyclades.Ec2Api.Filtering;

public static class FilterRules
{
    /// <summary>Each filter must be one the action understands and carry at least one value.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<Filter>> MustBeKnownFilters<T>(
        this IRuleBuilder<T, IReadOnlyList<Filter>> rule, IReadOnlyCollection<string> names) =>
        rule.MustBeKnownFilters(names.Contains);

    /// <summary>As above, for actions whose filter names follow a pattern (<c>tag:&lt;key&gt;</c>).</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<Filter>> MustBeKnownFilters<T>(
        this IRuleBuilder<T, IReadOnlyList<Filter>> rule, Func<string, bool> isKnown) =>
        rule.Custom((filters, context) =>
        {
            foreach (var filter in filters)
            {
                if (!isKnown(filter.Name))
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
