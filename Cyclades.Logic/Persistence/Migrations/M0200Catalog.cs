using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

[Migration(202611250200, "Flavors and images")]
public sealed class M0200Catalog : Migration
{
    public override void Up()
    {
        Create.Table("flavors")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("name").AsText(64).NotNullable().Unique("ux_flavors_name")
            .WithColumn("cpu").AsInt32().NotNullable()
            .WithColumn("ram_mib").AsInt32().NotNullable()
            .WithColumn("disk_gib").AsInt32().NotNullable()
            .WithColumn("disk_template").AsText(64).NotNullable()
            .WithColumn("deleted").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();
        // A cluster-side resize reports cpu and memory; the flavor is found by its specs.
        Create.Index("ix_flavors_specs").OnTable("flavors")
            .OnColumn("cpu").Ascending().OnColumn("ram_mib").Ascending()
            .OnColumn("disk_gib").Ascending().OnColumn("disk_template").Ascending();

        Create.Table("images")
            .WithColumn("id").AsText(64).NotNullable().PrimaryKey()
            .WithColumn("name").AsText(255).NotNullable()
            .WithColumn("description").AsText(1024).NotNullable().WithDefaultValue("")
            .WithColumn("os_type").AsText(128).NotNullable()
            .WithColumn("os_parameters").AsLongText().NotNullable()
            .WithColumn("key_parameter").AsText(128).Nullable()
            .WithColumn("deleted").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("images");
        Delete.Table("flavors");
    }
}
