using System.Collections.Concurrent;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Servers;

/// <summary>One job to submit for a server whose task is committed as submitting (task set, no job id yet).</summary>
internal sealed record PendingSubmission(Server Server, Func<CancellationToken, Task<long>> Submit);

/// <summary>
/// Submits the jobs of tasks already committed, outside any transaction: at most
/// <see cref="ServerOptions.MaxParallelSubmissionsPerCluster"/> at a time per cluster, renewing the
/// heartbeat of the tasks still waiting for their job until each is submitted, so that the
/// dispatcher can tell a slow submission from one whose process died. After the first failure the
/// submissions not begun yet are not attempted (the cluster is likely down or refusing) and fail
/// with the same error.
/// </summary>
public sealed class TaskSubmitter(IDbConnectionFactory connections, IOptions<ServerOptions> options, TimeProvider clock, ILogger<TaskSubmitter> logger)
{
    /// <param name="submitted">Records a job id (in the database); runs as each submission succeeds.</param>
    /// <param name="failed">Gives up a submission that failed or was not attempted.</param>
    internal async Task RunAsync(
        IReadOnlyList<PendingSubmission> submissions,
        Func<PendingSubmission, long, Task> submitted,
        Func<PendingSubmission, Exception, Task> failed)
    {
        var waiting = new ConcurrentDictionary<long, bool>(submissions.Select(s => KeyValuePair.Create(s.Server.Id, true)));
        Exception? firstFailure = null;
        using var stop = new CancellationTokenSource();
        var heartbeat = KeepAliveAsync(waiting, stop.Token);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelSubmissionsPerCluster };
        try
        {
            await Task.WhenAll(submissions.GroupBy(s => s.Server.BackendId).Select(cluster =>
                Parallel.ForEachAsync(cluster, parallel, async (submission, token) =>
                {
                    try
                    {
                        if (Volatile.Read(ref firstFailure) is { } earlier)
                        {
                            await failed(submission, earlier);
                            return;
                        }
                        long jobId;
                        try
                        {
                            // Not cancellable: once the cluster may have the job, the outcome must be recorded.
                            jobId = await submission.Submit(CancellationToken.None);
                        }
                        catch (Exception e) when (e is ClusterUnavailableException or ClusterRejectedException)
                        {
                            logger.LogWarning("Submitting the {Task} job of {Instance} failed: {Error}",
                                submission.Server.Task?.Action, submission.Server.InstanceName, e.Message);
                            Interlocked.CompareExchange(ref firstFailure, e, null);
                            await failed(submission, e);
                            return;
                        }
                        await submitted(submission, jobId);
                    }
                    finally
                    {
                        waiting.TryRemove(submission.Server.Id, out _);
                    }
                })));
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeat;
        }
    }

    private async Task KeepAliveAsync(ConcurrentDictionary<long, bool> waiting, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.SubmissionHeartbeat, clock, cancellationToken);
                var ids = waiting.Keys.ToList();
                if (ids.Count == 0)
                {
                    continue;
                }
                try
                {
                    var now = UnixTime.ToMicros(clock.GetUtcNow());
                    await connections.ReadAsync(async db =>
                    {
                        await ServerRepository.RenewHeartbeatAsync(db, ids, now, cancellationToken);
                        return true;
                    }, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Renewing the submission heartbeat of {Count} servers failed: {Error}", ids.Count, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // every submission is done
        }
    }
}
