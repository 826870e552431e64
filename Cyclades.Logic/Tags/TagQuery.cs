namespace Cyclades.Logic.Tags;

/// <summary>
/// Which of a user's tags to list. Every criterion given must hold; within one, any value may match.
/// Patterns: <c>*</c> any run of characters, <c>?</c> one character.
/// </summary>
public sealed record TagQuery
{
    public IReadOnlyCollection<TaggedResourceType>? ResourceTypes { get; init; }

    public IReadOnlyCollection<TaggedResource>? Resources { get; init; }

    public IReadOnlyCollection<string>? KeyPatterns { get; init; }

    public IReadOnlyCollection<string>? ValuePatterns { get; init; }

    /// <summary>Tags of deleted servers are listed when the server was deleted at or after this time; never when null.</summary>
    public DateTimeOffset? IncludeDeletedServersSince { get; init; }
}

/// <summary>Where a page of tags ended, in the listing order (type, resource id, key).</summary>
public sealed record TagCursor(TaggedResourceType ResourceType, string ResourceId, string Key);

/// <param name="Next">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record TagPage(IReadOnlyList<ResourceTag> Tags, TagCursor? Next);
