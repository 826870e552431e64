using System.Text;
using Microsoft.Data.Sqlite;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// Reads a SQLite database the way SQLite does (through its -wal as well as the main file, where the
/// newest rows of a killed service sit) and checks that no cell of any table holds a secret in plain text.
/// </summary>
public static class StoredSecrets
{
    /// <summary>Fails when a cell contains <paramref name="secret"/> (as text or UTF-8 bytes), and when no cell names
    /// <paramref name="keyId"/> (then the rows were not read, and the check would prove nothing).</summary>
    public static void AssertNotInPlainText(string databasePath, string keyId, string secret)
    {
        var cells = Cells(databasePath);
        Assert.That(cells, Has.Some.Contains(keyId), $"the access key {keyId} is stored in {databasePath}");
        Assert.That(cells, Has.None.Contains(secret), $"the secret of {keyId} is stored in plain text in {databasePath}");
    }

    /// <summary>Every cell of every table, blobs decoded as UTF-8.</summary>
    public static IReadOnlyList<string> Cells(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var cells = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] blob ? Encoding.UTF8.GetString(blob) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
        }
        return cells;
    }
}
