using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Servers;

/// <summary>
/// The two halves of a server command: in the command's transaction the server's task is recorded as
/// submitting; after the commit its job is submitted (not cancellable), and its id recorded, or the
/// task given up and the command's own change undone. The job's result reaches the state only through
/// the dispatcher.
/// </summary>
public sealed class ServerTaskJobs(
    IDbConnectionFactory connections,
    ClusterDriverCache drivers,
    JobSubmissions submissions,
    TaskSubmitter submitter,
    SubmittingTasks submitting)
{
    /// <summary>Records <paramref name="action"/> as the server's task (submitting: no job id yet).</summary>
    internal static async Task<Server> StartAsync(Db db, Server server, ServerAction action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var after = server with { Task = new ServerTask(action, null), TaskAt = now, SubmissionHeartbeat = now, UpdatedAt = now };
        await ServerRepository.UpdateAsync(db, after, cancellationToken);
        return after;
    }

    /// <summary>Submits the job of the server's task (started by <see cref="StartAsync"/> and committed).</summary>
    /// <param name="undo">Run in a transaction of its own when the task is given up.</param>
    /// <exception cref="Errors.DomainException">The submission failed (the cluster's error as a domain error); the task is given up.</exception>
    internal async Task SubmitAsync(Server server, Func<IClusterDriver, CancellationToken, Task<long>> submit, Func<Db, Task> undo)
    {
        var driver = await drivers.GetAsync(server.BackendId, CancellationToken.None);
        var action = server.Task!.Action;
        ClusterException? failure = null;
        await submitter.RunAsync(
            [new PendingSubmission(server, token => submit(driver, token))],
            async (_, jobId) =>
            {
                await submitting.RecordJobAsync(server, jobId, abandonedBefore: null, CancellationToken.None);
                submissions.Notify(new SubmittedJob(server.BackendId, jobId, action.ToOperation()));
            },
            async (_, error) =>
            {
                failure = error;
                if (await submitting.GiveUpAsync(server, error.Message, abandonedBefore: null, CancellationToken.None))
                {
                    await connections.WriteAsync(async db =>
                    {
                        await undo(db);
                        return true;
                    }, CancellationToken.None);
                }
            });
        if (failure is not null)
        {
            throw failure.ToDomainError();
        }
    }
}
