using System.Globalization;
using MySqlConnector;

namespace Cyclades.Logic.Persistence;

/// <summary>A MariaDB/MySQL <c>GET_LOCK</c> held on its own connection until disposed.</summary>
internal sealed class MySqlNamedLock : IDisposable
{
    private readonly MySqlConnection _connection;
    private readonly string _name;

    private MySqlNamedLock(MySqlConnection connection, string name)
    {
        _connection = connection;
        _name = name;
    }

    public static MySqlNamedLock Acquire(string connectionString, string name, TimeSpan timeout)
    {
        // A pooled connection would keep the lock after Dispose, so this one is never pooled.
        var builder = new MySqlConnectionStringBuilder(connectionString) { Pooling = false, DefaultCommandTimeout = (uint)timeout.TotalSeconds + 30 };
        var connection = new MySqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GET_LOCK(@name, @timeout)";
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@timeout", (int)timeout.TotalSeconds);
        if (command.ExecuteScalar() is not { } result || result is DBNull || Convert.ToInt64(result, CultureInfo.InvariantCulture) != 1)
        {
            connection.Dispose();
            throw new TimeoutException($"Timed out after {timeout} waiting for the database lock '{name}'.");
        }
        return new MySqlNamedLock(connection, name);
    }

    public void Dispose()
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT RELEASE_LOCK(@name)";
            command.Parameters.AddWithValue("@name", _name);
            command.ExecuteScalar();
        }
        _connection.Dispose();
    }
}
