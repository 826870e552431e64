using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Whether a volume's disk exists on its cluster (<c>on_cluster</c>): a volume created on its own
/// lives in the database only until its first attach creates the disk (Ganeti has no disk without an
/// instance); after a detach the disk stays on the cluster, detached, with its data. Root volumes of
/// existing servers are on the cluster. <c>type_label</c> keeps the type name a front-end was given,
/// to report it back.
/// </summary>
[Migration(202612070800, "Volume disks")]
public sealed class M202612070800VolumeDisks : Migration
{
    public override void Up()
    {
        Alter.Table("volumes").AddColumn("on_cluster").AsBoolean().NotNullable().WithDefaultValue(false);
        Alter.Table("volumes").AddColumn("type_label").AsText(32).Nullable();
        Execute.Sql("UPDATE volumes SET on_cluster = 1 WHERE server_id IS NOT NULL AND deleted = 0");
    }

    public override void Down()
    {
        Delete.Column("type_label").FromTable("volumes");
        Delete.Column("on_cluster").FromTable("volumes");
    }
}
