using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// <c>ports.pending_restart</c>: the port's NIC was added to a running server without hotplug, so it is
/// in the cluster's configuration and the guest sees it only from the server's next start.
/// </summary>
[Migration(202612081000, "Ports pending a restart")]
public sealed class M202612081000PortPendingRestart : Migration
{
    public override void Up() =>
        Alter.Table("ports").AddColumn("pending_restart").AsBoolean().NotNullable().WithDefaultValue(false);

    public override void Down() => Delete.Column("pending_restart").FromTable("ports");
}
