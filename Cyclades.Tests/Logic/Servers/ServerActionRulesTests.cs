using Cyclades.Logic.Errors;
using Cyclades.Logic.Servers;

namespace Cyclades.Tests.Logic.Servers;

/// <summary>The whole action × operstate × task matrix of reference §3.4 ([L], 0.15+).</summary>
[Category("Unit")]
public sealed class ServerActionRulesTests
{
    private static readonly ServerAction[] Actions =
        [ServerAction.Start, ServerAction.Stop, ServerAction.Reboot, ServerAction.Resize, ServerAction.Destroy];

    private static readonly OperState[] States =
        [OperState.Build, OperState.Started, OperState.Stopped, OperState.Error];

    private static readonly ServerAction?[] Tasks =
        [null, ServerAction.Build, ServerAction.Start, ServerAction.Stop, ServerAction.Reboot, ServerAction.Resize, ServerAction.Destroy];

    // Rows without a task, written out as in the reference: ok, building, or "state" (wrong state).
    //                                 START       STOP        REBOOT      RESIZE      DESTROY
    private static readonly Dictionary<OperState, string[]> NoTaskRows = new()
    {
        [OperState.Build] = ["building", "building", "building", "building", "ok"],
        [OperState.Started] = ["state", "ok", "ok", "state", "ok"],
        [OperState.Stopped] = ["ok", "state", "ok", "ok", "ok"],
        [OperState.Error] = ["state", "state", "state", "state", "ok"],
    };

    public static IEnumerable<TestCaseData> Matrix() =>
        from state in States
        from task in Tasks
        from deleted in new[] { false, true }
        from action in Actions
        select new TestCaseData(state, task, deleted, action, Expected(state, task, deleted, action))
            .SetName($"{action} on {state}{(task is null ? "" : $" with task {task}")}{(deleted ? " (deleted)" : "")} → {Expected(state, task, deleted, action)}");

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

    [Test]
    public void Build_is_not_a_command() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ServerActionRules.EnsureAllowed(ServerIn(OperState.Started), ServerAction.Build));

    /// <summary>The expected result, from the reference's matrix (not from the code under test).</summary>
    private static string Expected(OperState state, ServerAction? task, bool deleted, ServerAction action) =>
        deleted ? "deleted"
        : action == ServerAction.Destroy ? "ok"
        : task == ServerAction.Build ? "building"
        : task is { } other ? $"pending {other}"
        : NoTaskRows[state][Array.IndexOf(Actions, action)];

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
