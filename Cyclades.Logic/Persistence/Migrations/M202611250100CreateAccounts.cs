using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>Users and their access keys (the secret encrypted at rest, see <c>Accounts/SecretProtector</c>).</summary>
/// <remarks>
/// Text columns are <c>AsAnsiString</c>: FluentMigrator's MySQL <c>AsString</c> is <c>NVARCHAR</c>, which
/// carries its own case-insensitive utf8 collation instead of the database's binary utf8mb4 one.
/// </remarks>
[Migration(202611250100, "Users and access keys")]
public sealed class M202611250100CreateAccounts : Migration
{
    public override void Up()
    {
        Create.Table("users")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("name").AsAnsiString(64).NotNullable().Unique("ux_users_name")
            .WithColumn("disabled").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("created_at").AsInt64().NotNullable();

        Create.Table("access_keys")
            .WithColumn("id").AsAnsiString(128).NotNullable().PrimaryKey()
            .WithColumn("user_id").AsInt64().NotNullable().ForeignKey("fk_access_keys_user", "users", "id")
            .WithColumn("secret_ciphertext").AsBinary(1024).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("revoked_at").AsInt64().Nullable();

        Create.Index("ix_access_keys_user").OnTable("access_keys").OnColumn("user_id");
    }

    public override void Down()
    {
        Delete.Table("access_keys");
        Delete.Table("users");
    }
}
