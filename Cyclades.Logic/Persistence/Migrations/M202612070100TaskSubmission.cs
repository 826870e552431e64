using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// A task is committed before its job is submitted: <c>task_at</c> says when it was issued (a job found
/// after a crash must be newer), <c>task_heartbeat_at</c> is renewed by the submitting process until
/// the job id is recorded, so the dispatcher can tell a slow submission from an abandoned one.
/// </summary>
[Migration(202612070100, "Task submission times and heartbeat")]
public sealed class M202612070100TaskSubmission : Migration
{
    public override void Up()
    {
        Alter.Table("servers")
            .AddColumn("task_at").AsInt64().Nullable()
            .AddColumn("task_heartbeat_at").AsInt64().Nullable();
    }

    public override void Down()
    {
        Delete.Column("task_at").Column("task_heartbeat_at").FromTable("servers");
    }
}
