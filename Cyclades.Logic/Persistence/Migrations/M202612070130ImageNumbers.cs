using System.Data;
using System.Globalization;
using Cyclades.Logic.Catalog;
using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Images are numbered (<c>images.id</c>, <c>servers.image_id</c>: BIGINT) instead of keyed by the AMI
/// text earlier versions stored: <c>ami-0000000a</c> becomes 10 (<see cref="ImageNumbers"/>), so the
/// EC2 front-end shows every image under the id it had; any other id gets the next free number. The
/// images' tags follow. SQLite cannot change a column's type: it rebuilds <c>servers</c> from its own
/// stored definition.
/// </summary>
[Migration(202612070130, "Numbered images")]
public sealed class M202612070130ImageNumbers : Migration
{
    private const string Renumbering = "image_numbers";

    public override void Up()
    {
        Create.Table(Renumbering)
            .WithColumn("old_id").AsText(64).NotNullable().PrimaryKey()
            .WithColumn("new_id").AsInt64().NotNullable();
        Execute.WithConnection(Renumber);

        foreach (var sql in MySqlSteps)
        {
            IfDatabase("MySql").Execute.Sql(sql);
        }
        IfDatabase("SQLite").Execute.WithConnection(RebuildOnSqlite);

        Execute.Sql(
            $"""
            UPDATE tags SET resource_id = (SELECT CAST(n.new_id AS CHAR) FROM {Renumbering} n WHERE n.old_id = tags.resource_id)
            WHERE resource_type = 'IMAGE' AND resource_id IN (SELECT old_id FROM {Renumbering})
            """);
        Delete.Table(Renumbering);
    }

    private static readonly string[] MySqlSteps =
    [
        "ALTER TABLE servers DROP FOREIGN KEY fk_servers_image",
        "ALTER TABLE images ADD COLUMN number BIGINT NULL",
        $"UPDATE images i JOIN {Renumbering} n ON n.old_id = i.id SET i.number = n.new_id",
        "ALTER TABLE servers ADD COLUMN image_number BIGINT NULL",
        $"UPDATE servers s JOIN {Renumbering} n ON n.old_id = s.image_id SET s.image_number = n.new_id",
        "ALTER TABLE servers DROP COLUMN image_id, CHANGE COLUMN image_number image_id BIGINT NOT NULL",
        "ALTER TABLE images DROP PRIMARY KEY, DROP COLUMN id, CHANGE COLUMN number id BIGINT NOT NULL FIRST, ADD PRIMARY KEY (id)",
        "ALTER TABLE servers ADD CONSTRAINT fk_servers_image FOREIGN KEY (image_id) REFERENCES images (id)",
    ];

    public override void Down() => throw new NotSupportedException("Numbered images cannot be turned back into AMI text ids.");

    /// <summary>Fills the renumbering: legacy AMI ids keep their number, others get the next free ones.</summary>
    private static void Renumber(IDbConnection connection, IDbTransaction transaction)
    {
        var olds = new List<string>();
        using (var read = Command(connection, transaction, "SELECT id FROM images ORDER BY id"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                olds.Add(reader.GetString(0));
            }
        }
        var numbers = new Dictionary<string, long>();
        foreach (var old in olds)
        {
            if (ImageNumbers.TryParse(old, out var number) && !numbers.ContainsValue(number))
            {
                numbers[old] = number;
            }
        }
        var next = numbers.Values.DefaultIfEmpty(0).Max();
        foreach (var old in olds.Where(o => !numbers.ContainsKey(o)))
        {
            numbers[old] = ++next;
        }
        foreach (var (old, number) in numbers)
        {
            using var insert = Command(connection, transaction, $"INSERT INTO {Renumbering} (old_id, new_id) VALUES (@old, @number)");
            Add(insert, "@old", old);
            Add(insert, "@number", number);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// The usual SQLite table change: the new <c>images</c> beside the old, <c>servers</c> re-created from
    /// its stored definition with a numeric <c>image_id</c>, rows copied, indexes re-created.
    /// </summary>
    private static void RebuildOnSqlite(IDbConnection connection, IDbTransaction transaction)
    {
        var serversSql = Scalar(connection, transaction, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'servers'");
        var indexes = new List<string>();
        using (var read = Command(connection, transaction, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'servers' AND sql IS NOT NULL"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                indexes.Add(reader.GetString(0));
            }
        }
        var columns = new List<string>();
        using (var read = Command(connection, transaction, "SELECT name FROM pragma_table_info('servers') ORDER BY cid"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }
        const string oldColumn = "\"image_id\" VARCHAR(64) NOT NULL";
        if (!serversSql.Contains(oldColumn, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"servers.image_id is not {oldColumn}: {serversSql}");
        }
        var copied = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var selected = string.Join(", ", columns.Select(c => c == "image_id"
            ? $"(SELECT n.new_id FROM {Renumbering} n WHERE n.old_id = s.image_id)"
            : $"s.\"{c}\""));
        var statements = new List<string>
        {
            "PRAGMA defer_foreign_keys = ON",
            """
            CREATE TABLE "images_numbered" ("id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "description" VARCHAR(1024) NOT NULL DEFAULT '',
                "os_type" VARCHAR(128) NOT NULL, "os_parameters" LONGTEXT NOT NULL, "key_parameter" VARCHAR(128), "deleted" INTEGER NOT NULL DEFAULT 0,
                "created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL, "origin" VARCHAR(16) NOT NULL DEFAULT 'CONFIG', CONSTRAINT "PK_images" PRIMARY KEY ("id"))
            """,
            $"""
            INSERT INTO images_numbered (id, name, description, os_type, os_parameters, key_parameter, deleted, created_at, updated_at, origin)
            SELECT n.new_id, i.name, i.description, i.os_type, i.os_parameters, i.key_parameter, i.deleted, i.created_at, i.updated_at, i.origin
            FROM images i JOIN {Renumbering} n ON n.old_id = i.id
            """,
            serversSql.Replace("CREATE TABLE \"servers\"", "CREATE TABLE \"servers_numbered\"", StringComparison.Ordinal)
                .Replace(oldColumn, "\"image_id\" INTEGER NOT NULL", StringComparison.Ordinal)
                .Replace("REFERENCES \"images\"", "REFERENCES \"images_numbered\"", StringComparison.Ordinal),
            $"INSERT INTO servers_numbered ({copied}) SELECT {selected} FROM servers s",
            "DROP TABLE servers",
            "DROP TABLE images",
            // Renaming rewrites the references to the renamed table (SQLite ≥ 3.26, legacy_alter_table off).
            "ALTER TABLE images_numbered RENAME TO images",
            "ALTER TABLE servers_numbered RENAME TO servers",
        };
        statements.AddRange(indexes);
        foreach (var sql in statements)
        {
            using var command = Command(connection, transaction, sql);
            command.ExecuteNonQuery();
        }
    }

    private static string Scalar(IDbConnection connection, IDbTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No result for: {sql}");
    }

    private static IDbCommand Command(IDbConnection connection, IDbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
