using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>Users' SSH key pairs (<c>KeyPairs/</c>): the public part only, never a private key.</summary>
[Migration(202611250401, "Key pairs")]
public sealed class M202611250401KeyPairs : Migration
{
    public override void Up()
    {
        Create.Table("key_pairs")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("name").AsText(255).NotNullable()
            .WithColumn("key_type").AsText(16).NotNullable()
            .WithColumn("fingerprint").AsText(128).NotNullable()
            .WithColumn("public_key").AsLongText().NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ux_key_pairs_user_name").OnTable("key_pairs")
            .OnColumn("user_id").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
    }

    public override void Down() => Delete.Table("key_pairs");
}
