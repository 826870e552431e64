using System.Text;
using Microsoft.Data.Sqlite;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// The test of the test: <see cref="StoredSecrets"/> fails on a secret stored in plain text even while the row is
/// only in the write-ahead log (where the old check, reading the main file's bytes, never looked), and passes on a
/// ciphertext.
/// </summary>
[Category("Unit")]
public sealed class StoredSecretsTests
{
    private const string KeyId = "AKIAEXAMPLEEXAMPLE22";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("cyclades-secrets-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void A_plain_text_secret_in_the_write_ahead_log_fails_the_check()
    {
        var path = Path.Combine(_directory, "cyclades.db");
        using var writer = WalDatabase(path, Encoding.UTF8.GetBytes(Secret));

        Assert.That(File.ReadAllText(path), Does.Not.Contain(Secret), "the row is only in the -wal: reading the main file proves nothing");
        Assert.Throws<AssertionException>(() => StoredSecrets.AssertNotInPlainText(path, KeyId, Secret));
    }

    [Test]
    public void A_ciphertext_passes_the_check()
    {
        var path = Path.Combine(_directory, "cyclades.db");
        using var writer = WalDatabase(path, [1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.DoesNotThrow(() => StoredSecrets.AssertNotInPlainText(path, KeyId, Secret));
    }

    [Test]
    public void A_database_without_the_key_fails_the_check_as_unread()
    {
        var path = Path.Combine(_directory, "cyclades.db");
        using var writer = WalDatabase(path, [1, 2, 3]);

        Assert.Throws<AssertionException>(() => StoredSecrets.AssertNotInPlainText(path, "AKIAOTHEROTHEROTHER2", Secret));
    }

    /// <summary>An access-key row written in WAL mode and kept out of the main file (no checkpoint while the writer is open).</summary>
    private static SqliteConnection WalDatabase(string path, byte[] stored)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA wal_autocheckpoint = 0;
            CREATE TABLE access_keys (id TEXT PRIMARY KEY, secret_ciphertext BLOB NOT NULL);
            INSERT INTO access_keys VALUES ($id, $secret);
            """;
        command.Parameters.AddWithValue("$id", KeyId);
        command.Parameters.AddWithValue("$secret", stored);
        command.ExecuteNonQuery();
        return connection;
    }
}
