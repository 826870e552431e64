using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// <c>idempotency_keys</c>: a resource made under a caller's idempotency key (a port, a volume; a launch keeps its
/// own key in <c>launches</c>), with the fingerprint of the request that made it. One row per (user, kind, key):
/// the unique index makes the second of two racing requests fail instead of making a second resource.
/// <c>resource_id</c> is set in the transaction that inserts the row, once the resource exists; rows outlive
/// their resources, so a retry after a deletion still finds what its key made.
/// </summary>
[Migration(202612100100, "Idempotency keys of ports and volumes")]
public sealed class M202612100100IdempotencyKeys : Migration
{
    public override void Up()
    {
        Create.Table("idempotency_keys")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("kind").AsText(16).NotNullable()
            .WithColumn("idempotency_key").AsText(128).NotNullable()
            .WithColumn("fingerprint").AsText(64).NotNullable()
            .WithColumn("resource_id").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ux_idempotency_keys_user_kind_key").OnTable("idempotency_keys").WithOptions().Unique()
            .OnColumn("user_id").Ascending().OnColumn("kind").Ascending().OnColumn("idempotency_key").Ascending();
    }

    public override void Down() => Delete.Table("idempotency_keys");
}
