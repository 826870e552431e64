using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>One row per backend: which process's dispatcher is active for it, and until when.</summary>
[Migration(202611250300, "Dispatcher leases")]
public sealed class M202611250300DispatcherLeases : Migration
{
    public override void Up() =>
        Create.Table("dispatcher_leases")
            .WithColumn("backend_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_dispatcher_leases_backend", "backends", "id")
            .WithColumn("holder").AsText(200).NotNullable()
            .WithColumn("acquired_at").AsInt64().NotNullable()
            .WithColumn("renewed_at").AsInt64().NotNullable()
            .WithColumn("expires_at").AsInt64().NotNullable();

    public override void Down() => Delete.Table("dispatcher_leases");
}
