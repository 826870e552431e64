using System.Text;
using Dapper;

namespace Cyclades.Logic.Persistence;

/// <summary>
/// Appends <c>AND (column = @p OR column LIKE/GLOB @q …)</c> for a list of wildcard patterns
/// (<c>*</c> any run, <c>?</c> one character), naming each parameter uniquely within one statement.
/// </summary>
internal sealed class SqlPatterns(SqlDialect dialect, StringBuilder sql, DynamicParameters parameters, string prefix = "pattern")
{
    private int _count;

    /// <summary>Null: no condition; empty: matches nothing.</summary>
    public void Add(string column, IReadOnlyCollection<string>? patterns)
    {
        if (patterns is null)
        {
            return;
        }
        sql.Append(" AND ").Append(Match(column, patterns));
    }

    /// <summary>The condition alone, <c>(column = @p OR …)</c>; <c>1 = 0</c> for no patterns.</summary>
    public string Match(string column, IReadOnlyCollection<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return "1 = 0";
        }
        var terms = patterns.Select(pattern =>
        {
            var name = $"@{prefix}{_count++}";
            var literal = pattern.IndexOfAny(['*', '?']) < 0;
            parameters.Add(name, literal ? pattern : dialect.ToWildcardParameter(pattern));
            return literal ? $"{column} = {name}" : dialect.WildcardMatch(column, name);
        });
        return "(" + string.Join(" OR ", terms) + ")";
    }
}
