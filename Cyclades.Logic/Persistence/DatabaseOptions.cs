namespace Cyclades.Logic.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}

/// <summary>Bound from <c>Cyclades:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Cyclades:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Optional for SQLite: the default is
    /// <c>Data Source={Cyclades:DataDirectory}/cyclades.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }
}
