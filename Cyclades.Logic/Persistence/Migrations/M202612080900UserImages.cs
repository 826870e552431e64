using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Images users register or make from their servers: an owner (null for the cloud's catalog images),
/// a state (an image made from a server is pending until its cluster export finishes), whether all
/// users may launch it, the users it is shared with, and — for one made from a server — where the
/// cluster keeps the export it launches from. <c>live_name</c> is the name while the image is not
/// deregistered: unique per owner, so two API nodes cannot register the same name twice. The
/// minimum root size (<c>min_disk_gib</c>) came with volumes (M202612070700Volumes).
/// </summary>
[Migration(202612080900, "User images")]
public sealed class M202612080900UserImages : Migration
{
    public override void Up()
    {
        Alter.Table("images")
            .AddColumn("owner_user_id").AsText(64).Nullable()
            .AddColumn("live_name").AsText(255).Nullable()
            .AddColumn("state").AsText(16).NotNullable().WithDefaultValue("AVAILABLE")
            .AddColumn("state_message").AsText(1024).Nullable()
            .AddColumn("is_public").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("source_image_id").AsInt64().Nullable()
            .AddColumn("source_server_id").AsInt64().Nullable()
            .AddColumn("backend_id").AsInt64().Nullable()
            .AddColumn("export_node").AsText(255).Nullable()
            .AddColumn("export_path").AsText(1024).Nullable()
            .AddColumn("disk_template").AsText(64).Nullable();
        Create.Index("ux_images_owner_live_name").OnTable("images")
            .OnColumn("owner_user_id").Ascending().OnColumn("live_name").Ascending()
            .WithOptions().Unique();
        Create.Index("ix_images_source_server").OnTable("images").OnColumn("source_server_id").Ascending();

        Create.Table("image_launch_permissions")
            .WithColumn("image_id").AsInt64().NotNullable().PrimaryKey("pk_image_launch_permissions")
                .ForeignKey("fk_image_launch_permissions_image", "images", "id")
            .WithColumn("user_id").AsText(64).NotNullable().PrimaryKey("pk_image_launch_permissions");
        Create.Index("ix_image_launch_permissions_user").OnTable("image_launch_permissions").OnColumn("user_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("image_launch_permissions");
        Delete.Index("ix_images_source_server").OnTable("images");
        Delete.Index("ux_images_owner_live_name").OnTable("images");
        foreach (var column in new[]
                 {
                     "owner_user_id", "live_name", "state", "state_message", "is_public", "source_image_id", "source_server_id",
                     "backend_id", "export_node", "export_path", "disk_template",
                 })
        {
            Delete.Column(column).FromTable("images");
        }
    }
}
