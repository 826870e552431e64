using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>Users' tags on their resources (<c>Tags/</c>); a server's <c>resource_id</c> is its decimal id.</summary>
[Migration(202611250400, "Tags")]
public sealed class M202611250400Tags : Migration
{
    public override void Up()
    {
        Create.Table("tags")
            .WithColumn("user_id").AsText(64).NotNullable().PrimaryKey("pk_tags")
            .WithColumn("resource_type").AsText(16).NotNullable().PrimaryKey("pk_tags")
            .WithColumn("resource_id").AsText(64).NotNullable().PrimaryKey("pk_tags")
            .WithColumn("tag_key").AsText(128).NotNullable().PrimaryKey("pk_tags")
            .WithColumn("tag_value").AsText(256).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        // Tag filters look up the resources carrying a key (then check the value).
        Create.Index("ix_tags_user_type_key").OnTable("tags")
            .OnColumn("user_id").Ascending().OnColumn("resource_type").Ascending().OnColumn("tag_key").Ascending();
    }

    public override void Down() => Delete.Table("tags");
}
