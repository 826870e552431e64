using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Deleting a volume whose disk is detached on the cluster (docs/storage.md, "Deleting a detached volume"):
/// <c>volume_keepers</c> names the service's never-started keeper instance of each (cluster, node, disk template)
/// (its instance name is made from the id; whether it exists is the cluster's to say; <c>create_job_id</c> is its
/// last create job, which a deletion waits for while it runs); <c>volume_deletions</c> is a volume being deleted
/// through a keeper, with the attach and remove jobs the dispatcher applies; <c>volumes.node</c> is the node that
/// keeps a volume's detached disk (recorded when the dispatcher applies the detach).
/// </summary>
[Migration(202612090100, "Volume keepers")]
public sealed class M202612090100VolumeKeepers : Migration
{
    public override void Up()
    {
        Create.Table("volume_keepers")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("backend_id").AsInt64().NotNullable().ForeignKey("fk_volume_keepers_backend", "backends", "id")
            .WithColumn("node").AsText(255).NotNullable()
            .WithColumn("disk_template").AsText(32).NotNullable()
            .WithColumn("create_job_id").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ux_volume_keepers_place").OnTable("volume_keepers").WithOptions().Unique()
            .OnColumn("backend_id").Ascending().OnColumn("node").Ascending().OnColumn("disk_template").Ascending();
        Create.Table("volume_deletions")
            .WithColumn("volume_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_volume_deletions_volume", "volumes", "id")
            .WithColumn("keeper_id").AsInt64().NotNullable().ForeignKey("fk_volume_deletions_keeper", "volume_keepers", "id")
            .WithColumn("attach_job_id").AsInt64().Nullable()
            .WithColumn("remove_job_id").AsInt64().Nullable()
            .WithColumn("started_at").AsInt64().NotNullable();
        Create.Index("ix_volume_deletions_keeper").OnTable("volume_deletions").OnColumn("keeper_id").Ascending();
        Alter.Table("volumes").AddColumn("node").AsText(255).Nullable();
    }

    public override void Down()
    {
        Delete.Column("node").FromTable("volumes");
        Delete.Table("volume_deletions");
        Delete.Table("volume_keepers");
    }
}
