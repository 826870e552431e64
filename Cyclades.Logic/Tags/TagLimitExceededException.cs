using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Tags;

/// <summary>A resource would carry more tags than allowed; no tag was changed.</summary>
public sealed class TagLimitExceededException(TaggedResource resource, int limit)
    : DomainException($"{resource.Type} '{resource.Id}' would carry more than {limit} tags.")
{
    public TaggedResource Resource { get; } = resource;

    public int Limit { get; } = limit;
}
