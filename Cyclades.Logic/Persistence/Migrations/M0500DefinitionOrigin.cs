using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>Flavors, images and backends remember whether configuration or an operator defined them.</summary>
[Migration(202611250500, "Definition origin of flavors, images and backends")]
public sealed class M0500DefinitionOrigin : Migration
{
    private static readonly string[] Tables = ["flavors", "images", "backends"];

    public override void Up()
    {
        foreach (var table in Tables)
        {
            Alter.Table(table).AddColumn("origin").AsText(16).NotNullable().WithDefaultValue("CONFIG");
        }
    }

    public override void Down()
    {
        foreach (var table in Tables)
        {
            Delete.Column("origin").FromTable(table);
        }
    }
}
