using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// The life of the cluster export an image made from a server launches from: the export job
/// (<c>export_job_id</c>, so that a result the dispatcher missed can still be looked up) and its removal
/// once no registered image uses it (<c>export_removal</c>: NULL while in use, <c>REMOVING</c> once the
/// last image using it was deregistered, <c>REMOVED</c> when the cluster no longer keeps it, <c>KEPT</c>
/// when another image took it over).
/// </summary>
[Migration(202612081500, "Image export lifecycle")]
public sealed class M202612081500ImageExportLifecycle : Migration
{
    public override void Up() =>
        Alter.Table("images")
            .AddColumn("export_job_id").AsInt64().Nullable()
            .AddColumn("export_removal").AsText(16).Nullable();

    public override void Down()
    {
        Delete.Column("export_job_id").FromTable("images");
        Delete.Column("export_removal").FromTable("images");
    }
}
