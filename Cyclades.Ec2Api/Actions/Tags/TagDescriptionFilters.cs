using Cyclades.Ec2Api.Filtering;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Tags;

/// <summary>
/// The DescribeTags filters, for the database where it can answer them (keys, values, types, exact
/// resource ids); a wildcard on resource ids, or a filter given twice, is applied to the page.
/// </summary>
public static class TagDescriptionFilters
{
    public static readonly Ec2FilterSet<TagDescriptionItem> InMemory = new Ec2FilterSet<TagDescriptionItem>()
        .Add("key", t => t.Key)
        .Add("resource-id", t => t.ResourceId)
        .Add("resource-type", t => t.ResourceType)
        .Add("value", t => t.Value);

    public static (TagQuery Query, IReadOnlyList<Filter> Residual) Translate(IReadOnlyList<Filter> filters, DateTimeOffset? deletedServersSince)
    {
        var query = new TagQuery { IncludeDeletedServersSince = deletedServersSince };
        var residual = new List<Filter>();
        var pushed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in filters)
        {
            TagQuery? next = !pushed.Add(f.Name) ? null : f.Name switch
            {
                "key" => query with { KeyPatterns = f.Values },
                "value" => query with { ValuePatterns = f.Values },
                "resource-type" => query with { ResourceTypes = TypesMatching(f.Values) },
                "resource-id" when !f.Values.Any(v => v.IndexOfAny(['*', '?']) >= 0) =>
                    query with { Resources = f.Values.Select(TaggableResources.Parse).OfType<TaggedResource>().ToList() },
                _ => null,
            };
            if (next is null)
            {
                residual.Add(f);
            }
            else
            {
                query = next;
            }
        }
        return (query, residual);
    }

    private static IReadOnlyCollection<TaggedResourceType> TypesMatching(IReadOnlyList<string> patterns)
    {
        var regexes = patterns.Select(Wildcard.ToRegex).ToList();
        return TaggableResources.TypesByName.Where(t => regexes.Any(r => r.IsMatch(t.Key))).Select(t => t.Value).ToList();
    }
}
