using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// A destroy asked while the server's create job runs (or decided by the core: a failed build, a
/// guest shutdown that terminates), carried out by the dispatcher once the server has no task.
/// </summary>
[Migration(202612070200, "Destroy requests")]
public sealed class M202612070200DestroyRequests : Migration
{
    public override void Up()
    {
        Alter.Table("servers")
            .AddColumn("destroy_requested_at").AsInt64().Nullable()
            .AddColumn("destroy_reason").AsText(16).Nullable();
    }

    public override void Down()
    {
        Delete.Column("destroy_requested_at").FromTable("servers");
        Delete.Column("destroy_reason").FromTable("servers");
    }
}
