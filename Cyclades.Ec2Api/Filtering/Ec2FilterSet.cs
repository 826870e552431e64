using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Filtering;

/// <summary>
/// The filters one Describe action understands, each a function from an item to the values it is
/// matched on. Values of one filter are ORed, filters are ANDed, values may hold wildcards; an
/// unknown filter name is <c>InvalidParameterValue</c> "The filter 'x' is invalid".
/// </summary>
public sealed class Ec2FilterSet<T>
{
    private readonly Dictionary<string, Func<T, IEnumerable<string?>>> _filters = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _filters.Keys;

    public Ec2FilterSet<T> Add(string name, Func<T, string?> value)
    {
        _filters.Add(name, item => [value(item)]);
        return this;
    }

    /// <summary>A filter on a value an item has several of (e.g. its tag keys): any of them may match.</summary>
    public Ec2FilterSet<T> AddEach(string name, Func<T, IEnumerable<string?>> values)
    {
        _filters.Add(name, values);
        return this;
    }

    public IEnumerable<T> Apply(IEnumerable<T> items, IReadOnlyList<Filter> filters)
    {
        var predicates = filters.Select(Predicate).ToList();
        return items.Where(item => predicates.All(p => p(item)));
    }

    private Func<T, bool> Predicate(Filter filter)
    {
        if (!_filters.TryGetValue(filter.Name, out var values))
        {
            throw Ec2Errors.InvalidFilter(filter.Name);
        }
        if (filter.Values.Count == 0)
        {
            throw Ec2Errors.InvalidParameterValue($"The filter '{filter.Name}' must have at least one value.");
        }
        var patterns = filter.Values.Select(Wildcard.ToRegex).ToList();
        return item => values(item).Any(v => v is not null && patterns.Any(p => p.IsMatch(v)));
    }
}
