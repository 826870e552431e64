using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Volumes (<c>Volumes/Volume</c>): a server's disks become rows of their own, counted in
/// <c>cyclades.disk</c> one by one. Every existing server gets its root volume (index 0, the flavor's
/// disk and template, deleted with the server); its disk stays inside the server's accepted
/// commission, so usage does not move. Flavors list the volume types they allow (each its own disk
/// template), and images say the smallest root disk they fit on.
/// </summary>
[Migration(202612070700, "Volumes")]
public sealed class M202612070700Volumes : Migration
{
    public override void Up()
    {
        Create.Table("volumes")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("backend_id").AsInt64().NotNullable().ForeignKey("fk_volumes_backend", "backends", "id")
            .WithColumn("server_id").AsInt64().Nullable().ForeignKey("fk_volumes_server", "servers", "id")
            .WithColumn("disk_index").AsInt32().Nullable()
            .WithColumn("size_gib").AsInt32().NotNullable()
            .WithColumn("volume_type").AsText(64).NotNullable()
            .WithColumn("status").AsText(16).NotNullable()
            .WithColumn("origin_image_id").AsInt64().Nullable()
            .WithColumn("delete_on_termination").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("device_name").AsText(64).Nullable()
            .WithColumn("commission_id").AsInt64().Nullable()
            .WithColumn("attached_at").AsInt64().Nullable()
            .WithColumn("deleted").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("deleted_at").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();
        Create.Index("ix_volumes_user").OnTable("volumes")
            .OnColumn("user_id").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_volumes_server").OnTable("volumes")
            .OnColumn("server_id").Ascending().OnColumn("disk_index").Ascending();

        Create.Table("flavor_volume_types")
            .WithColumn("flavor_id").AsInt64().NotNullable().PrimaryKey("pk_flavor_volume_types")
                .ForeignKey("fk_flavor_volume_types_flavor", "flavors", "id")
            .WithColumn("volume_type").AsText(64).NotNullable().PrimaryKey("pk_flavor_volume_types");
        Execute.Sql("INSERT INTO flavor_volume_types (flavor_id, volume_type) SELECT id, disk_template FROM flavors");

        Alter.Table("images")
            .AddColumn("min_disk_gib").AsInt32().NotNullable().WithDefaultValue(0);

        // Servers still building get their root volume CREATING (the create job makes it), failed ones ERROR.
        Execute.Sql(
            """
            INSERT INTO volumes (user_id, backend_id, server_id, disk_index, size_gib, volume_type, status, origin_image_id,
                delete_on_termination, attached_at, created_at, updated_at)
            SELECT s.user_id, s.backend_id, s.id, 0, f.disk_gib, f.disk_template,
                CASE s.operstate WHEN 'BUILD' THEN 'CREATING' WHEN 'ERROR' THEN 'ERROR' ELSE 'IN_USE' END,
                s.image_id, 1, s.created_at, s.created_at, s.updated_at
            FROM servers s JOIN flavors f ON f.id = s.flavor_id
            WHERE s.deleted = 0
            ORDER BY s.id
            """);
    }

    public override void Down()
    {
        Delete.Column("min_disk_gib").FromTable("images");
        Delete.Table("flavor_volume_types");
        Delete.Table("volumes");
    }
}
