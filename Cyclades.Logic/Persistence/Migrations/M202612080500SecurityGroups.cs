using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Users' security groups (<c>SecurityGroups/</c>): groups per network, their rules stored exactly as
/// normalised, and the groups of each port. A rule's <c>identity</c> (direction, protocol, ports, peer)
/// is unique within its group, so the same rule is never added twice, even by two API nodes at once.
/// </summary>
[Migration(202612080500, "Security groups")]
public sealed class M202612080500SecurityGroups : Migration
{
    public override void Up()
    {
        Create.Table("security_groups")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("network_id").AsInt64().NotNullable()
            .WithColumn("name").AsText(255).NotNullable()
            // The name upper-cased: names are unique per network whatever their case.
            .WithColumn("name_key").AsText(255).NotNullable()
            .WithColumn("description").AsText(255).NotNullable()
            .WithColumn("is_default").AsBoolean().NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ux_security_groups_network_name").OnTable("security_groups")
            .OnColumn("user_id").Ascending().OnColumn("network_id").Ascending().OnColumn("name_key").Ascending()
            .WithOptions().Unique();

        Create.Table("security_group_rules")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("group_id").AsInt64().NotNullable().ForeignKey("fk_security_group_rules_group", "security_groups", "id")
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("is_egress").AsBoolean().NotNullable()
            .WithColumn("protocol").AsText(8).NotNullable()
            .WithColumn("from_port").AsInt32().Nullable()
            .WithColumn("to_port").AsInt32().Nullable()
            .WithColumn("cidr_ipv4").AsText(18).Nullable()
            .WithColumn("cidr_ipv6").AsText(43).Nullable()
            .WithColumn("referenced_group_id").AsInt64().Nullable()
            .WithColumn("prefix_list_id").AsText(64).Nullable()
            .WithColumn("description").AsText(255).Nullable()
            .WithColumn("identity").AsText(160).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ux_security_group_rules_identity").OnTable("security_group_rules")
            .OnColumn("group_id").Ascending().OnColumn("identity").Ascending().WithOptions().Unique();
        Create.Index("ix_security_group_rules_referenced").OnTable("security_group_rules")
            .OnColumn("referenced_group_id").Ascending();
        Create.Index("ix_security_group_rules_user").OnTable("security_group_rules")
            .OnColumn("user_id").Ascending().OnColumn("id").Ascending();

        Create.Table("port_security_groups")
            .WithColumn("port_id").AsInt64().NotNullable().PrimaryKey("pk_port_security_groups")
                // A deleted port leaves no membership behind (ports are deleted, not marked).
                .ForeignKey("fk_port_security_groups_port", "ports", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("group_id").AsInt64().NotNullable().PrimaryKey("pk_port_security_groups")
                .ForeignKey("fk_port_security_groups_group", "security_groups", "id");
        Create.Index("ix_port_security_groups_group").OnTable("port_security_groups")
            .OnColumn("group_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("port_security_groups");
        Delete.Table("security_group_rules");
        Delete.Table("security_groups");
    }
}
