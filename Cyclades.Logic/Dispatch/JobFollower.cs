using System.Collections.Concurrent;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Events;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// Follows single jobs with the cluster's job-wait long poll and delivers each status change as it
/// happens; the final one carries the op messages (the long poll answers with the whole job).
/// </summary>
/// <param name="jobEnded">Called once a job's final result is applied (a destroy request may now be carried out).</param>
internal sealed class JobFollower(LeaderContext context, EventDelivery delivery, Action unknownJob, Action jobEnded) : IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly SemaphoreSlim _slots = new(context.Options.MaxConcurrentWaits);
    private CancellationTokenSource _epoch = new();

    public void Follow(long jobId, CancellationToken sessionToken)
    {
        if (!context.Jobs.TryStartFollowing(jobId))
        {
            return;
        }
        var token = CancellationTokenSource.CreateLinkedTokenSource(sessionToken, _epoch.Token);
        var follow = Task.Run(async () =>
        {
            try
            {
                await FollowAsync(jobId, token.Token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // the session ended or the cluster was rebuilt
            }
            finally
            {
                context.Jobs.StopFollowing(jobId);
                token.Dispose();
            }
        }, CancellationToken.None);
        _running[jobId] = follow;
        follow.ContinueWith(_ => _running.TryRemove(KeyValuePair.Create(jobId, follow)), TaskScheduler.Default);
    }

    /// <summary>Stops following every job (their ids mean other jobs on a rebuilt cluster).</summary>
    public void StopAll()
    {
        var previous = Interlocked.Exchange(ref _epoch, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }

    public Task WhenStoppedAsync() => Task.WhenAll(_running.Values);

    private async Task FollowAsync(long jobId, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var known = context.Jobs.Delivered(jobId);
            while (true)
            {
                ClusterJob? job = null;
                if (!await context.StepAsync(async token =>
                    {
                        var asked = context.Clock.GetUtcNow();
                        job = await context.Driver.WaitForJobChangeAsync(jobId, known, token);
                        context.ClusterAnswered(asked);
                    }, cancellationToken))
                {
                    continue;
                }
                if (job is null)
                {
                    context.Logger.LogWarning("Cluster '{Backend}' does not know job {JobId}", context.Backend.Name, jobId);
                    context.Jobs.MarkUnknown(jobId);
                    unknownJob();
                    return;
                }
                if (job.Status != known)
                {
                    if (!await context.StepAsync(async token =>
                        {
                            var started = context.Clock.GetUtcNow();
                            await delivery.DeliverAsync(context.Backend.Id, context.Driver, job, token);
                            context.Processed(started);
                        }, cancellationToken))
                    {
                        continue;
                    }
                    context.Jobs.MarkDelivered(jobId, job.Status);
                    known = job.Status;
                }
                if (job.Status.IsFinal())
                {
                    jobEnded();
                    return;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _epoch.Dispose();
        _slots.Dispose();
    }
}
