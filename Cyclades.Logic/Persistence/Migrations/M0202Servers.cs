using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

[Migration(202611250202, "Launches and servers")]
public sealed class M0202Servers : Migration
{
    public override void Up()
    {
        Create.Table("launches")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("idempotency_key").AsText(128).Nullable()
            .WithColumn("fingerprint").AsText(64).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        // NULL keys never collide, so launches without a key are unconstrained.
        Create.Index("ux_launches_user_key").OnTable("launches")
            .OnColumn("user_id").Ascending().OnColumn("idempotency_key").Ascending()
            .WithOptions().Unique();

        Create.Table("servers")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("name").AsText(255).NotNullable().WithDefaultValue("")
            .WithColumn("flavor_id").AsInt64().NotNullable().ForeignKey("fk_servers_flavor", "flavors", "id")
            .WithColumn("image_id").AsText(64).NotNullable().ForeignKey("fk_servers_image", "images", "id")
            .WithColumn("backend_id").AsInt64().NotNullable().ForeignKey("fk_servers_backend", "backends", "id")
            .WithColumn("instance_name").AsText(64).Nullable()
            .WithColumn("launch_id").AsInt64().Nullable().ForeignKey("fk_servers_launch", "launches", "id")
            .WithColumn("launch_index").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("key_name").AsText(255).Nullable()
            .WithColumn("public_key").AsLongText().Nullable()
            .WithColumn("user_data").AsBinary(int.MaxValue).Nullable()
            .WithColumn("private_ip").AsText(45).Nullable()
            .WithColumn("operstate").AsText(16).NotNullable()
            .WithColumn("deleted").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("deleted_at").AsInt64().Nullable()
            .WithColumn("task").AsText(16).Nullable()
            .WithColumn("task_job_id").AsInt64().Nullable()
            .WithColumn("backend_job_id").AsInt64().Nullable()
            .WithColumn("backend_operation").AsText(16).Nullable()
            .WithColumn("backend_job_status").AsText(16).Nullable()
            .WithColumn("backend_message").AsLongText().Nullable()
            .WithColumn("backend_job_at").AsInt64().Nullable()
            .WithColumn("backend_time").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("commission_id").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();

        Create.Index("ix_servers_user_id").OnTable("servers")
            .OnColumn("user_id").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_servers_user_operstate").OnTable("servers")
            .OnColumn("user_id").Ascending().OnColumn("operstate").Ascending();
        Create.Index("ix_servers_backend").OnTable("servers")
            .OnColumn("backend_id").Ascending().OnColumn("deleted").Ascending();
        Create.Index("ix_servers_backend_task_job").OnTable("servers")
            .OnColumn("backend_id").Ascending().OnColumn("task_job_id").Ascending();
        Create.Index("ux_servers_instance_name").OnTable("servers")
            .OnColumn("instance_name").Ascending().WithOptions().Unique();
        // Released addresses are set to NULL, and NULLs never collide.
        Create.Index("ux_servers_backend_private_ip").OnTable("servers")
            .OnColumn("backend_id").Ascending().OnColumn("private_ip").Ascending().WithOptions().Unique();
        Create.Index("ix_servers_launch").OnTable("servers")
            .OnColumn("launch_id").Ascending().OnColumn("launch_index").Ascending();
    }

    public override void Down()
    {
        Delete.Table("servers");
        Delete.Table("launches");
    }
}
