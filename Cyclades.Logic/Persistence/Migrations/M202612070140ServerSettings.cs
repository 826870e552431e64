using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>The owner's settings of a server (<c>Servers/ServerSettings</c>), as columns of its row.</summary>
[Migration(202612070140, "Server settings")]
public sealed class M202612070140ServerSettings : Migration
{
    public override void Up()
    {
        Alter.Table("servers")
            .AddColumn("destroy_protected").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("stop_protected").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("guest_shutdown").AsText(16).NotNullable().WithDefaultValue("STOP")
            .AddColumn("io_optimized").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("address_check").AsBoolean().NotNullable().WithDefaultValue(true)
            .AddColumn("metadata_enabled").AsBoolean().NotNullable().WithDefaultValue(true)
            .AddColumn("metadata_tokens_required").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("metadata_hop_limit").AsInt32().NotNullable().WithDefaultValue(1)
            .AddColumn("metadata_tags").AsBoolean().NotNullable().WithDefaultValue(false);
    }

    public override void Down()
    {
        foreach (var column in new[]
        {
            "destroy_protected", "stop_protected", "guest_shutdown", "io_optimized", "address_check",
            "metadata_enabled", "metadata_tokens_required", "metadata_hop_limit", "metadata_tags",
        })
        {
            Delete.Column(column).FromTable("servers");
        }
    }
}
