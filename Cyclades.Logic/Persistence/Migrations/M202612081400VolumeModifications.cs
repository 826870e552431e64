using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// The changes made to volumes (<c>Volumes/VolumeModification</c>): a growth (and a relabelled type) with
/// the size and type before and after, MODIFYING while the cluster's grow-disk runs, then COMPLETED or
/// FAILED with the cluster's message. At most one MODIFYING row per volume (the command checks it under the
/// volume's lock).
/// </summary>
[Migration(202612081400, "Volume modifications")]
public sealed class M202612081400VolumeModifications : Migration
{
    public override void Up()
    {
        Create.Table("volume_modifications")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("volume_id").AsInt64().NotNullable().ForeignKey("fk_volume_modifications_volume", "volumes", "id")
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("original_size_gib").AsInt32().NotNullable()
            .WithColumn("target_size_gib").AsInt32().NotNullable()
            .WithColumn("original_type_label").AsText(32).Nullable()
            .WithColumn("target_type_label").AsText(32).Nullable()
            .WithColumn("state").AsText(16).NotNullable()
            .WithColumn("status_message").AsText(1024).Nullable()
            .WithColumn("started_at").AsInt64().NotNullable()
            .WithColumn("ended_at").AsInt64().Nullable();
        Create.Index("ix_volume_modifications_user").OnTable("volume_modifications")
            .OnColumn("user_id").Ascending().OnColumn("volume_id").Ascending();
        Create.Index("ix_volume_modifications_volume").OnTable("volume_modifications")
            .OnColumn("volume_id").Ascending().OnColumn("state").Ascending();
    }

    public override void Down() => Delete.Table("volume_modifications");
}
