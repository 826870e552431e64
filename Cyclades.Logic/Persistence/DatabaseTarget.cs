using Cyclades.Logic.Configuration;

namespace Cyclades.Logic.Persistence;

/// <summary>The database actually used: the provider and a complete connection string.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public SqlDialect Dialect => SqlDialect.For(Provider);

    public static DatabaseTarget From(DatabaseOptions database, CycladesOptions cyclades)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return new DatabaseTarget(database.Provider, database.ConnectionString);
        }
        if (database.Provider == DatabaseProvider.MySql)
        {
            throw new InvalidOperationException(
                $"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is MySql.");
        }
        var path = Path.GetFullPath(Path.Combine(cyclades.DataDirectory, "cyclades.db"));
        return new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={path}");
    }
}
