using Cyclades.Logic.Errors;
using Cyclades.Logic.Servers;

namespace Cyclades.Tests.Logic.Servers;

/// <summary>The whole action × operstate × task matrix of reference §3.4 ([L], 0.15+), read from the reference's table.</summary>
[Category("Unit")]
public sealed class ServerActionRulesTests
{
    private static readonly ServerAction[] Actions =
        [ServerAction.Start, ServerAction.Stop, ServerAction.Reboot, ServerAction.Resize, ServerAction.Destroy];

    private static readonly OperState[] States =
        [OperState.Build, OperState.Started, OperState.Stopped, OperState.Error];

    private static readonly ServerAction?[] Tasks =
        [null, ServerAction.Build, ServerAction.Start, ServerAction.Stop, ServerAction.Reboot, ServerAction.Resize, ServerAction.Destroy];

    public static IEnumerable<TestCaseData> Matrix() =>
        from state in States
        from task in Tasks
        from deleted in new[] { false, true }
        from action in Actions
        let expected = SynnefoActionMatrix.Expected(state, task, deleted, action)
        select new TestCaseData(state, task, deleted, action, expected)
            .SetName($"{action} on {state}{(task is null ? "" : $" with task {task}")}{(deleted ? " (deleted)" : "")} → {expected}");

    [TestCaseSource(nameof(Matrix))]
    public void Action_is_allowed_or_refused_with_the_right_error(OperState state, ServerAction? task, bool deleted, ServerAction action, string expected)
    {
        var server = ServerIn(state, task, deleted);

        var refusal = Refusal(() => ServerActionRules.EnsureAllowed(server, action));

        Assert.That(refusal, Is.EqualTo(expected));
    }

    [Test]
    public void Refusals_carry_the_facts()
    {
        var pending = Assert.Throws<PendingTaskException>(() => ServerActionRules.EnsureAllowed(ServerIn(OperState.Started, ServerAction.Stop), ServerAction.Reboot))!;
        Assert.That((pending.ServerId, pending.Action, pending.PendingTask), Is.EqualTo((7L, ServerAction.Reboot, ServerAction.Stop)));
        Assert.That(pending.Message, Does.Contain("pending 'STOP'"));

        var state = Assert.Throws<InvalidServerStateException>(() => ServerActionRules.EnsureAllowed(ServerIn(OperState.Started), ServerAction.Resize))!;
        Assert.That((state.ServerId, state.Action, state.State), Is.EqualTo((7L, ServerAction.Resize, OperState.Started)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Destroy_during_the_create_task_is_deferred_not_refused(bool submitting)
    {
        var server = ServerIn(OperState.Build, ServerAction.Build) with { Task = new ServerTask(ServerAction.Build, submitting ? null : 42) };

        Assert.That(ServerActionRules.EnsureAllowed(server, ServerAction.Destroy), Is.EqualTo(ActionVerdict.Deferred));
        Assert.That(ServerActionRules.EnsureAllowed(ServerIn(OperState.Error), ServerAction.Destroy), Is.EqualTo(ActionVerdict.Allowed));
    }

    [Test]
    public void Build_is_not_a_command() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerActionRules.EnsureAllowed(ServerIn(OperState.Started), ServerAction.Build));

    [Test]
    public void The_reference_table_has_a_row_for_every_operstate_and_task_situation() =>
        Assert.That(SynnefoActionMatrix.Rows, Is.EquivalentTo(new[] { "any, task=BUILD", "any, task=T", "BUILD", "STARTED", "STOPPED", "ERROR" }));

    [Test]
    public void The_matrix_has_a_column_for_every_action_but_build_export_and_the_volume_actions() =>
        Assert.That(ServerActionRules.Actions, Is.EquivalentTo(Enum.GetValues<ServerAction>().Except([ServerAction.Build, ServerAction.Export, ServerAction.AttachVolume, ServerAction.DetachVolume, ServerAction.GrowVolume, ServerAction.ConnectPort, ServerAction.DisconnectPort])));

    /// <summary>Not in Synnefo's matrix: an export (an image of the server) runs from STARTED or STOPPED and waits for any task as STOP does.</summary>
    [TestCase(OperState.Started, null, ActionVerdict.Allowed)]
    [TestCase(OperState.Stopped, null, ActionVerdict.Allowed)]
    [TestCase(OperState.Error, null, ActionVerdict.WrongState)]
    [TestCase(OperState.Destroyed, null, ActionVerdict.WrongState)]
    [TestCase(OperState.Build, null, ActionVerdict.Building)]
    [TestCase(OperState.Build, ServerAction.Build, ActionVerdict.Building)]
    [TestCase(OperState.Stopped, ServerAction.Start, ActionVerdict.PendingTask)]
    [TestCase(OperState.Stopped, ServerAction.Export, ActionVerdict.PendingTask)]
    public void Export_is_decided_like_stop_for_tasks_and_from_started_or_stopped_alone(OperState state, ServerAction? task, ActionVerdict verdict) =>
        Assert.That(ServerActionRules.Decide(state, task, ServerAction.Export), Is.EqualTo(verdict));

    internal static string Refusal(Action act)
    {
        try
        {
            act();
            return "ok";
        }
        catch (ServerDeletedException)
        {
            return "deleted";
        }
        catch (ServerBuildingException)
        {
            return "building";
        }
        catch (PendingTaskException e)
        {
            return $"pending {e.PendingTask}";
        }
        catch (InvalidServerStateException)
        {
            return "state";
        }
    }

    private static Server ServerIn(OperState state, ServerAction? task = null, bool deleted = false) => new()
    {
        Id = 7,
        UserId = "u",
        Name = "",
        FlavorId = 1,
        ImageId = 1,
        BackendId = 1,
        InstanceName = "snf-7",
        OperState = state,
        Task = task is null ? null : new ServerTask(task.Value, 42),
        Deleted = deleted,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
