using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>The model's <c>Tag</c> (an item of a <c>tagSet</c>).</summary>
public sealed class TagItem
{
    [Ec2Element("key")]
    public required string Key { get; init; }

    [Ec2Element("value")]
    public required string Value { get; init; }

    public static IReadOnlyList<TagItem> From(IEnumerable<Tag> tags) =>
        tags.Select(t => new TagItem { Key = t.Key, Value = t.Value }).ToList();
}
