using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Cyclades.Logic.Persistence;

public static class DuplicateKey
{
    /// <summary>The statement failed because it would have broken a unique index.</summary>
    public static bool IsViolation(DbException exception) => exception switch
    {
        MySqlException mySql => mySql.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        _ => false,
    };
}
