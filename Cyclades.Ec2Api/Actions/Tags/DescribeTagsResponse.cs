using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Tags;

public sealed class DescribeTagsResponse : Ec2Response
{
    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagDescriptionItem> Tags { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

/// <summary>The model's <c>TagDescription</c>.</summary>
public sealed class TagDescriptionItem
{
    [Ec2Element("key")]
    public required string Key { get; init; }

    [Ec2Element("resourceId")]
    public required string ResourceId { get; init; }

    [Ec2Element("resourceType")]
    public required string ResourceType { get; init; }

    [Ec2Element("value")]
    public required string Value { get; init; }
}
