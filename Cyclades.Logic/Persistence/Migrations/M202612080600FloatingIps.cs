using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Floating IPs (<c>FloatingIps/</c>): a user's address taken from a public subnet's pool (its
/// <c>ip_addresses</c> row names the floating IP), attached to a port or not.
/// </summary>
[Migration(202612080600, "Floating IPs")]
public sealed class M202612080600FloatingIps : Migration
{
    public override void Up()
    {
        Create.Table("floating_ips")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("subnet_id").AsInt64().NotNullable().ForeignKey("fk_floating_ips_subnet", "subnets", "id")
            .WithColumn("address").AsText(45).NotNullable()
            // The port (NIC) carrying the address while attached; NULL when not.
            .WithColumn("port_id").AsInt64().Nullable()
            .WithColumn("commission_id").AsInt64().Nullable()
            .WithColumn("deleted").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("deleted_at").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();
        Create.Index("ix_floating_ips_user").OnTable("floating_ips")
            .OnColumn("user_id").Ascending().OnColumn("deleted").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_floating_ips_port").OnTable("floating_ips").OnColumn("port_id").Ascending();
        Create.Index("ix_ip_addresses_floating_ip").OnTable("ip_addresses").OnColumn("floating_ip_id").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_ip_addresses_floating_ip").OnTable("ip_addresses");
        Delete.Table("floating_ips");
    }
}
