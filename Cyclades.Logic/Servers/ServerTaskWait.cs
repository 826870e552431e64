using Cyclades.Logic.Errors;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Servers;

/// <summary>
/// A bounded wait for a server's task to end. It reads the database, where whichever node runs the
/// dispatcher records the job's result, so it works on every API node (an in-process signal would not).
/// </summary>
public sealed class ServerTaskWait(ServerQueries queries, IOptions<ServerOptions> options, TimeProvider clock)
{
    public async Task<ServerView> GetAsync(string userId, long serverId, CancellationToken cancellationToken) =>
        await queries.GetAsync(userId, serverId, cancellationToken) ?? throw new ServerNotFoundException([serverId]);

    /// <summary>The server once it no longer has the task of job <paramref name="jobId"/>.</summary>
    /// <exception cref="TaskWaitTimeoutException">Still pending after <see cref="ServerOptions.TaskWaitTimeout"/>.</exception>
    public async Task<ServerView> UntilDoneAsync(string userId, long serverId, long jobId, CancellationToken cancellationToken)
    {
        var (timeout, interval) = (options.Value.TaskWaitTimeout, options.Value.TaskPollInterval);
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            var view = await GetAsync(userId, serverId, cancellationToken);
            if (view.Server.Task is not { JobId: var pending } task || pending != jobId)
            {
                return view;
            }
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TaskWaitTimeoutException(serverId, task.Action, timeout);
            }
            await Task.Delay(left < interval ? left : interval, clock, cancellationToken);
        }
    }
}
