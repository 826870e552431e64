using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>One <c>Tag.N</c> of a request: <c>Tag.N.Key</c> and <c>Tag.N.Value</c> (absent and empty differ for DeleteTags).</summary>
public sealed class TagParameter
{
    // Longer than the limits, so that the validator can answer with AWS's messages.
    [Ec2Parameter("Key", MaxLength = 1024)]
    public string? Key { get; init; }

    [Ec2Parameter("Value", MaxLength = 1024)]
    public string? Value { get; init; }

    /// <summary>As tags to set: a missing value is empty, and a key given twice keeps its last value.</summary>
    public static IReadOnlyList<Tag> ToTags(IEnumerable<TagParameter> tags) =>
        tags.GroupBy(t => t.Key ?? "", StringComparer.Ordinal)
            .Select(g => new Tag(g.Key, g.Last().Value ?? ""))
            .ToList();
}

/// <summary>One <c>TagSpecification.N</c>: the tags for the resources of one type a request creates.</summary>
public sealed class TagSpecificationParameter
{
    [Ec2Parameter("ResourceType")]
    public string? ResourceType { get; init; }

    [Ec2Parameter("Tag", MaxItems = 100)]
    public IReadOnlyList<TagParameter> Tags { get; init; } = [];
}
