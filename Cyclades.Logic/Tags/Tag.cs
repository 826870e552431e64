namespace Cyclades.Logic.Tags;

/// <summary>A key and its value (possibly empty).</summary>
public sealed record Tag(string Key, string Value);

/// <summary>One user's tag on one resource; <paramref name="ResourceId"/> is the resource's id in the logic core.</summary>
public sealed record ResourceTag(TaggedResourceType ResourceType, string ResourceId, string Key, string Value);

/// <summary>A resource to tag: its kind and its id in the logic core (a server's decimal id, an image id, …).</summary>
public sealed record TaggedResource(TaggedResourceType Type, string Id);

/// <summary>A tag to remove: the key, and only if it has this value when <paramref name="Value"/> is given.</summary>
public sealed record TagRemoval(string Key, string? Value);

/// <summary>Carries a tag with key <paramref name="Key"/> whose value matches one of the patterns.</summary>
public sealed record TagMatch(string Key, IReadOnlyCollection<string> ValuePatterns);
