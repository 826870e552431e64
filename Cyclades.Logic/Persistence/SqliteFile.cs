using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Persistence;

public static class SqliteFile
{
    /// <summary>The database file, and so its -wal and -shm, created 0600 in a private directory before SQLite opens it.</summary>
    public static void Prepare(string connectionString, ILogger? logger = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var path = Path.GetFullPath(builder.DataSource);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            PrivateFiles.EnsureDirectory(directory, logger);
        }
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            PrivateFiles.EnsureFile(path);
        }
    }
}
