using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

[Migration(202611250203, "Quota limits, usage and commissions")]
public sealed class M0203Quotas : Migration
{
    public override void Up()
    {
        Create.Table("quota_limits")
            .WithColumn("user_id").AsText(64).NotNullable().PrimaryKey("pk_quota_limits")
            .WithColumn("resource").AsText(64).NotNullable().PrimaryKey("pk_quota_limits")
            .WithColumn("capacity").AsInt64().NotNullable();

        Create.Table("quota_usage")
            .WithColumn("user_id").AsText(64).NotNullable().PrimaryKey("pk_quota_usage")
            .WithColumn("resource").AsText(64).NotNullable().PrimaryKey("pk_quota_usage")
            .WithColumn("used").AsInt64().NotNullable().WithDefaultValue(0);

        Create.Table("commissions")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("server_id").AsInt64().Nullable()
            .WithColumn("job_id").AsInt64().Nullable()
            .WithColumn("name").AsText(255).NotNullable()
            .WithColumn("forced").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("state").AsText(16).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("resolved_at").AsInt64().Nullable();
        Create.Index("ix_commissions_user_state").OnTable("commissions")
            .OnColumn("user_id").Ascending().OnColumn("state").Ascending();
        Create.Index("ix_commissions_state").OnTable("commissions")
            .OnColumn("state").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_commissions_server").OnTable("commissions")
            .OnColumn("server_id").Ascending();

        Create.Table("commission_provisions")
            .WithColumn("commission_id").AsInt64().NotNullable().PrimaryKey("pk_commission_provisions")
                .ForeignKey("fk_provisions_commission", "commissions", "id")
            .WithColumn("resource").AsText(64).NotNullable().PrimaryKey("pk_commission_provisions")
            .WithColumn("quantity").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("commission_provisions");
        Delete.Table("commissions");
        Delete.Table("quota_usage");
        Delete.Table("quota_limits");
    }
}
