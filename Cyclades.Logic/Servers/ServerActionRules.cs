using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Which action may be asked of a server in which state: Synnefo's <c>validate_server_action</c>
/// as shipped from 0.15 on, its matrix (reference §3.4 [L]) written below as a table. A deleted
/// server refuses everything first; then the server's task, if any, decides, else its operstate.
/// </summary>
public static class ServerActionRules
{
    /// <summary>The matrix's columns: the actions asked of an existing server.</summary>
    public static IReadOnlyList<ServerAction> Actions => Columns;

    private static readonly ServerAction[] Columns =
        [ServerAction.Start, ServerAction.Stop, ServerAction.Reboot, ServerAction.Resize, ServerAction.Destroy];

    private const ActionVerdict Ok = ActionVerdict.Allowed;
    private const ActionVerdict Building = ActionVerdict.Building;
    private const ActionVerdict Pending = ActionVerdict.PendingTask;
    private const ActionVerdict State = ActionVerdict.WrongState;
    private const ActionVerdict Later = ActionVerdict.Deferred;

    //                                                   START     STOP      REBOOT    RESIZE    DESTROY
    // Synnefo refuses DESTROY until the create job has finished (the instance may not exist yet, and
    // a removal would fail while the creation goes ahead); we record it and the dispatcher carries it
    // out once the create's result is applied.
    private static readonly ActionVerdict[] BuildTask = [Building, Building, Building, Building, Later];
    private static readonly ActionVerdict[] OtherTask = [Pending, Pending, Pending, Pending, Ok];
    // Not in Synnefo's matrix (its jobs are submitted inside the command): a task whose job is still
    // being submitted is not replaced, as its job could reach the cluster after ours.
    private static readonly ActionVerdict[] SubmittingTask = [Pending, Pending, Pending, Pending, Pending];

    private static readonly Dictionary<OperState, ActionVerdict[]> NoTask = new()
    {
        [OperState.Build] = [Building, Building, Building, Building, Ok],
        [OperState.Started] = [State, Ok, Ok, State, Ok],
        // The cluster's reboot starts a stopped instance.
        [OperState.Stopped] = [Ok, State, Ok, Ok, Ok],
        [OperState.Error] = [State, State, State, State, Ok],
        // Not in Synnefo's matrix: the cluster lost the instance; only its removal makes sense.
        [OperState.Destroyed] = [State, State, State, State, Ok],
    };

    // Not in Synnefo's matrix: an export (an image of the server) waits for any task as STOP does, and
    // runs from STARTED (the cluster stops the server for the copy and starts it again) or STOPPED.
    private static readonly Dictionary<OperState, ActionVerdict> ExportWithoutTask = new()
    {
        [OperState.Build] = Building,
        [OperState.Started] = Ok,
        [OperState.Stopped] = Ok,
        [OperState.Error] = State,
        [OperState.Destroyed] = State,
    };

    /// <summary>The matrix's answer for a server that is not deleted; <paramref name="taskSubmitting"/>: the task has no job id yet.</summary>
    public static ActionVerdict Decide(OperState state, ServerAction? task, ServerAction action, bool taskSubmitting = false)
    {
        if (action == ServerAction.Export)
        {
            return task is null ? ExportWithoutTask[state] : Decide(state, task, ServerAction.Stop, taskSubmitting);
        }
        var column = Array.IndexOf(Columns, action);
        if (column < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "BUILD is not a command on an existing server.");
        }
        var row = task switch
        {
            null => NoTask[state],
            ServerAction.Build => BuildTask,
            _ when taskSubmitting => SubmittingTask,
            _ => OtherTask,
        };
        return row[column];
    }

    /// <returns><see cref="ActionVerdict.Allowed"/>, or <see cref="ActionVerdict.Deferred"/>: to be recorded, not run now.</returns>
    public static ActionVerdict EnsureAllowed(Server server, ServerAction action)
    {
        if (action == ServerAction.Build)
        {
            throw new ArgumentOutOfRangeException(nameof(action), "BUILD is not a command on an existing server.");
        }
        if (server.Deleted)
        {
            throw new ServerDeletedException(server.Id);
        }
        var verdict = Decide(server.OperState, server.Task?.Action, action, server.Task is { JobId: null });
        switch (verdict)
        {
            case ActionVerdict.Building:
                throw new ServerBuildingException(server.Id);
            case ActionVerdict.PendingTask:
                throw new PendingTaskException(server.Id, action, server.Task!.Action);
            case ActionVerdict.WrongState:
                throw new InvalidServerStateException(server.Id, action, server.OperState);
        }
        return verdict;
    }
}

/// <summary>A cell of the action matrix.</summary>
public enum ActionVerdict
{
    Allowed,

    /// <summary>The server is being built (Synnefo's 409 <c>BuildInProgress</c>).</summary>
    Building,

    /// <summary>Another task is pending.</summary>
    PendingTask,

    /// <summary>Not from the server's operstate.</summary>
    WrongState,

    /// <summary>Recorded now (<see cref="Server.DestroyRequestedAt"/>), carried out by the dispatcher when the task ends.</summary>
    Deferred,
}
