using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

[Migration(202611250201, "Backends (Ganeti clusters)")]
public sealed class M0201Backends : Migration
{
    public override void Up() =>
        Create.Table("backends")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("name").AsText(64).NotNullable().Unique("ux_backends_name")
            .WithColumn("url").AsText(512).NotNullable()
            .WithColumn("username").AsText(128).Nullable()
            .WithColumn("password_protected").AsLongText().Nullable()
            .WithColumn("insecure_skip_tls_verify").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("certificate_fingerprint").AsText(128).Nullable()
            .WithColumn("simulated").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("enabled").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("drained").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("network_cidr").AsText(64).NotNullable()
            .WithColumn("cluster_id").AsText(128).Nullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();

    public override void Down() => Delete.Table("backends");
}
