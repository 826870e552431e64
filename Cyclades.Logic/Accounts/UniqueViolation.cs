using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Cyclades.Logic.Accounts;

internal static class UniqueViolation
{
    /// <summary>A concurrent writer inserted the same unique value first.</summary>
    public static bool Is(DbException exception) => exception switch
    {
        MySqlException mysql => mysql.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };
}
