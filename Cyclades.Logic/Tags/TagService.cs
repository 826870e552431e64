using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Tags;

/// <summary>
/// Users' tags on their servers and key pairs and on the images they see. Tags are private to the
/// user who set them. The caller checks that the resources exist and are the user's.
/// </summary>
public sealed class TagService(IDbConnectionFactory connections, TimeProvider clock)
{
    public const int MaxTagsPerResource = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxPageSize = 1000;

    /// <summary>Adds the tags to every resource or overwrites their values; all or nothing.</summary>
    /// <exception cref="TagLimitExceededException">A resource would carry more than <see cref="MaxTagsPerResource"/> tags.</exception>
    public Task SetAsync(string userId, IReadOnlyCollection<TaggedResource> resources, IReadOnlyCollection<Tag> tags, CancellationToken cancellationToken)
    {
        EnsureValid(tags);
        return connections.WriteAsync(async db =>
        {
            await AddAsync(db, userId, resources, tags, clock.GetUtcNow(), cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <param name="removals">Null removes every tag of the resources.</param>
    public Task RemoveAsync(string userId, IReadOnlyCollection<TaggedResource> resources, IReadOnlyCollection<TagRemoval>? removals, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            await TagRepository.DeleteAsync(db, userId, resources, removals, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The user's tags on these resources of one type, by resource id (in key order).</summary>
    public Task<ILookup<string, Tag>> ListForAsync(string userId, TaggedResourceType type, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (await TagRepository.ListForAsync(db, userId, type, ids, cancellationToken)).ToLookup(t => t.ResourceId, t => new Tag(t.Key, t.Value)),
            cancellationToken);

    /// <summary>A page of the user's tags in (type, resource id, key) order after <paramref name="after"/>.</summary>
    public Task<TagPage> ListAsync(string userId, TagQuery query, TagCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), $"The page size must be 1 to {MaxPageSize}.");
        }
        return connections.ReadAsync(async db =>
        {
            var rows = await TagRepository.ListAsync(db, userId, query, after, pageSize + 1, cancellationToken);
            var page = rows.Take(pageSize).ToList();
            return new TagPage(page, rows.Count > pageSize ? new TagCursor(page[^1].ResourceType, page[^1].ResourceId, page[^1].Key) : null);
        }, cancellationToken);
    }

    /// <summary>Adds tags within the caller's transaction (resources created with their tags).</summary>
    internal static async Task AddAsync(Db db, string userId, IReadOnlyCollection<TaggedResource> resources, IReadOnlyCollection<Tag> tags, DateTimeOffset now, CancellationToken cancellationToken)
    {
        EnsureValid(tags);
        await TagRepository.UpsertAsync(db, userId, resources, tags, UnixTime.ToMicros(now), cancellationToken);
        var over = await TagRepository.OverLimitAsync(db, userId, resources, MaxTagsPerResource, cancellationToken);
        if (over.Count > 0)
        {
            throw new TagLimitExceededException(over[0], MaxTagsPerResource);
        }
    }

    /// <summary>The column sizes and one value per key; front-ends enforce their own rules first.</summary>
    private static void EnsureValid(IReadOnlyCollection<Tag> tags)
    {
        if (tags.Any(t => t.Key.Length is 0 or > MaxKeyLength || t.Value.Length > MaxValueLength))
        {
            throw new ArgumentException($"Tag keys must be 1 to {MaxKeyLength} characters and values at most {MaxValueLength}.", nameof(tags));
        }
        if (tags.GroupBy(t => t.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("Each tag key may be given once.", nameof(tags));
        }
    }
}
