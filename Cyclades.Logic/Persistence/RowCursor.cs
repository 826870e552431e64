using System.Data.Common;

namespace Cyclades.Logic.Persistence;

/// <summary>
/// Reads a row's columns one after the other with the reader's typed getters. Dapper reads every cell
/// through the boxed <c>GetValue</c> (three native calls a cell on SQLite); the rows a page of instances
/// reads (its servers, their ports, disks and tags) are read with this instead. Each such row's <c>Read</c> takes
/// its columns in the order of its SELECT list, and <c>TypedRowReadingTests</c> holds it equal to Dapper's reading.
/// </summary>
internal struct RowCursor(DbDataReader reader)
{
    private int _next;

    public long Int64() => reader.GetInt64(_next++);

    public int Int32() => checked((int)reader.GetInt64(_next++));

    public bool Boolean() => reader.GetBoolean(_next++);

    public string String() => reader.GetString(_next++);

    public long? NullableInt64()
    {
        var ordinal = _next++;
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    public int? NullableInt32()
    {
        var ordinal = _next++;
        return reader.IsDBNull(ordinal) ? null : checked((int)reader.GetInt64(ordinal));
    }

    public string? NullableString()
    {
        var ordinal = _next++;
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
