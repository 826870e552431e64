using System.Text;
using Cyclades.Logic.Persistence;
using Dapper;

namespace Cyclades.Logic.Tags;

/// <summary>
/// The tag criteria of a server listing as SQL on the servers table aliased <c>s</c>, whose statement
/// has the user in <c>@userId</c>: each a <c>s.id IN (…)</c> over the user's server tags, which the
/// (user, type, key) index answers once (not correlated, so not once per server).
/// </summary>
internal static class ServerTagConditions
{
    public static void Append(SqlDialect dialect, StringBuilder sql, DynamicParameters parameters,
        IReadOnlyCollection<TagMatch>? tags, IReadOnlyCollection<string>? keyPatterns, IReadOnlyCollection<string>? valuePatterns)
    {
        var patterns = new SqlPatterns(dialect, sql, parameters, "tagPattern");
        parameters.Add("serverTagType", TaggedResourceType.Server.ToDb());
        var index = 0;
        foreach (var tag in tags ?? [])
        {
            var key = $"tagKey{index++}";
            parameters.Add(key, tag.Key);
            AppendIn(dialect, sql, $"t.tag_key = @{key} AND {patterns.Match("t.tag_value", tag.ValuePatterns)}");
        }
        if (keyPatterns is not null)
        {
            AppendIn(dialect, sql, patterns.Match("t.tag_key", keyPatterns));
        }
        if (valuePatterns is not null)
        {
            AppendIn(dialect, sql, patterns.Match("t.tag_value", valuePatterns));
        }
    }

    private static void AppendIn(SqlDialect dialect, StringBuilder sql, string condition) =>
        sql.Append(" AND s.id IN (SELECT ").Append(dialect.TextAsInteger("t.resource_id"))
            .Append(" FROM tags t WHERE t.user_id = @userId AND t.resource_type = @serverTagType AND ")
            .Append(condition).Append(')');
}
