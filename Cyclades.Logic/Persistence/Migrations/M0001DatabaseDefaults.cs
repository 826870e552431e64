using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// EC2 names, tags and keys are case-sensitive: make MariaDB/MySQL compare text byte-wise for every
/// table created after this (SQLite's = and GLOB already do).
/// </summary>
[Migration(202611250001, "Database defaults")]
public sealed class M0001DatabaseDefaults : Migration
{
    public override void Up() =>
        IfDatabase("MySql").Execute.Sql("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");

    public override void Down()
    {
    }
}
