using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary><c>tag:&lt;key&gt;</c> filters (the key in the name, patterns for the value) applied in memory.</summary>
public static class TagFilters
{
    public const string Prefix = "tag:";

    public static bool IsTagFilter(string name) => name.StartsWith(Prefix, StringComparison.Ordinal) && name.Length > Prefix.Length;

    /// <summary>Accepts the names of <paramref name="set"/> and any <c>tag:&lt;key&gt;</c>.</summary>
    public static Func<string, bool> KnownWith<T>(Ec2FilterSet<T> set) => name => set.Names.Contains(name) || IsTagFilter(name);

    /// <summary>The items matching every filter: <c>tag:&lt;key&gt;</c> ones on <paramref name="tags"/>, the rest through <paramref name="set"/>.</summary>
    public static IEnumerable<T> Apply<T>(Ec2FilterSet<T> set, IEnumerable<T> items, IReadOnlyList<Filter> filters, Func<T, IReadOnlyList<TagItem>> tags)
    {
        var byTag = filters.Where(f => IsTagFilter(f.Name))
            .Select(f => (Key: f.Name[Prefix.Length..], Patterns: f.Values.Select(Wildcard.ToRegex).ToList()))
            .ToList();
        return set.Apply(items, filters.Where(f => !IsTagFilter(f.Name)).ToList())
            .Where(item => byTag.All(filter => tags(item).Any(t => t.Key == filter.Key && filter.Patterns.Any(p => p.IsMatch(t.Value)))));
    }
}
