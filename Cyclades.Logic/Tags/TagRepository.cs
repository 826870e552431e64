using System.Data.Common;
using System.Text;
using Cyclades.Logic.Persistence;
using Dapper;

namespace Cyclades.Logic.Tags;

internal static class TagRepository
{
    internal const string Columns =
        "t.resource_type AS ResourceType, t.resource_id AS ResourceId, t.tag_key AS TagKey, t.tag_value AS TagValue";

    /// <summary>Sets the tags on each resource, replacing the values of keys it already has.</summary>
    public static async Task UpsertAsync(Db db, string userId, IReadOnlyCollection<TaggedResource> resources, IReadOnlyCollection<Tag> tags, long now, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }
        var keys = tags.Select(t => t.Key).ToList();
        foreach (var resource in resources)
        {
            var type = resource.Type.ToDb();
            await db.ExecuteAsync(
                "DELETE FROM tags WHERE user_id = @userId AND resource_type = @type AND resource_id = @id AND tag_key IN @keys",
                new { userId, type, id = resource.Id, keys }, cancellationToken);
            await db.ExecuteAsync(
                """
                INSERT INTO tags (user_id, resource_type, resource_id, tag_key, tag_value, created_at)
                VALUES (@userId, @type, @id, @Key, @Value, @now)
                """,
                tags.Select(t => new { userId, type, id = resource.Id, t.Key, t.Value, now }), cancellationToken);
        }
    }

    /// <summary>The resources among these with more than <paramref name="limit"/> tags.</summary>
    public static async Task<IReadOnlyList<TaggedResource>> OverLimitAsync(Db db, string userId, IReadOnlyCollection<TaggedResource> resources, int limit, CancellationToken cancellationToken)
    {
        var over = new List<TaggedResource>();
        foreach (var byType in resources.GroupBy(r => r.Type))
        {
            var ids = await db.QueryAsync<string>(
                """
                SELECT resource_id FROM tags WHERE user_id = @userId AND resource_type = @type AND resource_id IN @ids
                GROUP BY resource_id HAVING COUNT(*) > @limit
                """,
                new { userId, type = byType.Key.ToDb(), ids = byType.Select(r => r.Id).ToList(), limit }, cancellationToken);
            over.AddRange(ids.Select(id => new TaggedResource(byType.Key, id)));
        }
        return over;
    }

    /// <param name="removals">Null removes every tag of the resources.</param>
    public static async Task DeleteAsync(Db db, string userId, IReadOnlyCollection<TaggedResource> resources, IReadOnlyCollection<TagRemoval>? removals, CancellationToken cancellationToken)
    {
        foreach (var resource in resources)
        {
            var target = new { userId, type = resource.Type.ToDb(), id = resource.Id };
            const string where = "user_id = @userId AND resource_type = @type AND resource_id = @id";
            if (removals is null)
            {
                await db.ExecuteAsync($"DELETE FROM tags WHERE {where}", target, cancellationToken);
                continue;
            }
            foreach (var removal in removals)
            {
                await db.ExecuteAsync(
                    removal.Value is null
                        ? $"DELETE FROM tags WHERE {where} AND tag_key = @Key"
                        : $"DELETE FROM tags WHERE {where} AND tag_key = @Key AND tag_value = @Value",
                    new { target.userId, target.type, target.id, removal.Key, removal.Value }, cancellationToken);
            }
        }
    }

    public static async Task<IReadOnlyList<ResourceTag>> ListForAsync(Db db, string userId, TaggedResourceType type, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var parameters = db.Dialect.WithList(new { userId, type = type.ToDb() }, "ids", ids);
        return (await db.QueryAsync(
                $"SELECT {Columns} FROM tags t WHERE t.user_id = @userId AND t.resource_type = @type AND {db.Dialect.InList("t.resource_id", "@ids")} ORDER BY t.resource_id, t.tag_key",
                parameters, TagRow.Read, cancellationToken))
            .Select(r => r.ToTag()).ToList();
    }

    public static async Task<IReadOnlyList<ResourceTag>> ListAsync(Db db, string userId, TagQuery query, TagCursor? after, int take, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM tags t WHERE t.user_id = @userId");
        var parameters = new DynamicParameters(new { userId, take });
        if (query.ResourceTypes is { } types)
        {
            sql.Append(types.Count == 0 ? " AND 1 = 0" : " AND t.resource_type IN @types");
            parameters.Add("types", types.Select(t => t.ToDb()).ToList());
        }
        if (query.Resources is { } resources)
        {
            var terms = resources.Select((r, i) =>
            {
                parameters.Add($"rtype{i}", r.Type.ToDb());
                parameters.Add($"rid{i}", r.Id);
                return $"(t.resource_type = @rtype{i} AND t.resource_id = @rid{i})";
            }).ToList();
            sql.Append(terms.Count == 0 ? " AND 1 = 0" : $" AND ({string.Join(" OR ", terms)})");
        }
        var patterns = new SqlPatterns(db.Dialect, sql, parameters);
        patterns.Add("t.tag_key", query.KeyPatterns);
        patterns.Add("t.tag_value", query.ValuePatterns);
        sql.Append(" AND (t.resource_type <> @serverType OR EXISTS (SELECT 1 FROM servers s WHERE s.id = ")
            .Append(db.Dialect.TextAsInteger("t.resource_id"))
            .Append(query.IncludeDeletedServersSince is null ? " AND s.deleted = @no))" : " AND (s.deleted = @no OR s.deleted_at >= @since)))");
        parameters.Add("serverType", TaggedResourceType.Server.ToDb());
        parameters.Add("no", false);
        parameters.Add("since", UnixTime.ToMicros(query.IncludeDeletedServersSince));
        if (after is not null)
        {
            sql.Append("""
                 AND (t.resource_type > @afterType
                   OR (t.resource_type = @afterType AND t.resource_id > @afterId)
                   OR (t.resource_type = @afterType AND t.resource_id = @afterId AND t.tag_key > @afterKey))
                """);
            parameters.Add("afterType", after.ResourceType.ToDb());
            parameters.Add("afterId", after.ResourceId);
            parameters.Add("afterKey", after.Key);
        }
        sql.Append(" ORDER BY t.resource_type, t.resource_id, t.tag_key LIMIT @take");
        return (await db.QueryAsync(sql.ToString(), parameters, TagRow.Read, cancellationToken)).Select(r => r.ToTag()).ToList();
    }

    internal sealed record TagRow
    {
        /// <summary>Reads <see cref="Columns"/>, in their order (see <see cref="RowCursor"/>).</summary>
        public static TagRow Read(DbDataReader reader)
        {
            var c = new RowCursor(reader);
            return new TagRow { ResourceType = c.String(), ResourceId = c.String(), TagKey = c.String(), TagValue = c.String() };
        }

        public required string ResourceType { get; init; }

        public required string ResourceId { get; init; }

        public required string TagKey { get; init; }

        public required string TagValue { get; init; }

        public ResourceTag ToTag() => new(DbNames.Parse<TaggedResourceType>(ResourceType), ResourceId, TagKey, TagValue);
    }
}
