using Cyclades.Logic.Backends;
using Cyclades.Logic.Events;
using Cyclades.Logic.Images;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// The work of the active dispatcher of one backend, while it holds the lease: follow the jobs we
/// submit (announced in-process, or found as pending tasks of servers), scan the job list, and watch
/// the cluster's identity (a rebuilt cluster restarts its job ids).
/// </summary>
internal sealed class LeaderSession(
    LeaderContext context,
    EventDelivery delivery,
    JobSubmissions submissions,
    ServerQueries queries,
    BackendRegistry registry,
    BackendReconciler reconciler,
    InstanceNames names,
    ServerOptions serverOptions,
    ServerCommands commands,
    ImageExports imageExports,
    VolumeKeepers keepers)
{
    private readonly SemaphoreSlim _checkClusterNow = new(0, 1);
    private readonly SemaphoreSlim _checkDestroyRequestsNow = new(0, 1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var subscription = submissions.Subscribe(context.Backend.Id);
        using var follower = new JobFollower(context, delivery, () => Wake(_checkClusterNow), () => Wake(_checkDestroyRequestsNow));
        var scanner = new JobScanner(context, delivery, names);
        try
        {
            while (!await context.StepAsync(token => CheckClusterAsync(follower, token), cancellationToken))
            {
            }
            await Task.WhenAll(
                FollowAnnouncedAsync(subscription, follower, cancellationToken),
                context.EveryAsync(context.Options.PendingPoll, token => FollowPendingTasksAsync(follower, token), cancellationToken),
                context.EveryAsync(context.Options.JobScan, scanner.ScanAsync, cancellationToken),
                context.EveryAsync(context.Options.SubmissionCheck, SettleAbandonedSubmissionsAsync, cancellationToken),
                context.EveryAsync(context.Options.DestroyRequestCheck, CarryOutDestroyRequestsAsync, cancellationToken, _checkDestroyRequestsNow),
                context.EveryAsync(context.Options.ImageExportCheck, CheckImageExportsAsync, cancellationToken),
                context.EveryAsync(context.Options.ClusterCheck, token => CheckClusterAsync(follower, token), cancellationToken, _checkClusterNow));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the lease was lost or the service stops
        }
        finally
        {
            await follower.WhenStoppedAsync();
        }
    }

    private static async Task FollowAnnouncedAsync(JobSubmissions.Subscription subscription, JobFollower follower, CancellationToken cancellationToken)
    {
        await foreach (var job in subscription.Jobs.ReadAllAsync(cancellationToken))
        {
            follower.Follow(job.JobId, cancellationToken);
        }
    }

    /// <summary>
    /// Jobs submitted by other processes (or before this one became the leader) show up as pending tasks, or as the
    /// recorded jobs of volume deletions through keepers.
    /// </summary>
    private async Task FollowPendingTasksAsync(JobFollower follower, CancellationToken cancellationToken)
    {
        var asked = context.Clock.GetUtcNow();
        var servers = await queries.ListWithPendingTaskAsync(context.Backend.Id, cancellationToken);
        context.Processed(asked);
        var jobIds = servers.Select(server => server.Task?.JobId).OfType<long>()
            .Concat(await keepers.PendingJobIdsAsync(context.Backend.Id, cancellationToken));
        foreach (var jobId in jobIds.Where(jobId => !context.Jobs.IsFinished(jobId)))
        {
            follower.Follow(jobId, cancellationToken);
        }
    }

    /// <summary>
    /// Tasks whose process died between committing them and recording their job: reconciliation
    /// adopts the job the cluster has, or gives the task up (a new server is released).
    /// </summary>
    private async Task SettleAbandonedSubmissionsAsync(CancellationToken cancellationToken)
    {
        var asked = context.Clock.GetUtcNow();
        if (await queries.HasAbandonedSubmissionsAsync(context.Backend.Id, asked - serverOptions.AbandonedSubmission, cancellationToken))
        {
            await reconciler.ReconcileAsync(context.Backend.Id, ReconciliationRequest.UnsubmittedOnly, cancellationToken);
        }
        context.Processed(asked);
    }

    /// <summary>
    /// Destroys recorded while a server's create job ran (or decided by the core) are submitted once
    /// the server has no task: after the job's result is applied here, by another leader, or by
    /// reconciliation. One that fails now (the cluster is away, a task came first) is tried again.
    /// </summary>
    private async Task CarryOutDestroyRequestsAsync(CancellationToken cancellationToken)
    {
        var asked = context.Clock.GetUtcNow();
        foreach (var server in await queries.ListDestroyRequestsAsync(context.Backend.Id, cancellationToken))
        {
            try
            {
                await commands.DestroyRequestedAsync(server, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Logger.LogWarning("The requested destroy of {Instance} could not be submitted yet: {Error}", server.InstanceName, e.Message);
            }
        }
        context.Processed(asked);
    }

    /// <summary>
    /// Images made from servers follow their exports even when the dispatcher did not apply the export's
    /// result (the server was terminated meanwhile, or the result was missed), and exports no image
    /// uses any more are removed from the cluster.
    /// </summary>
    private async Task CheckImageExportsAsync(CancellationToken cancellationToken)
    {
        var asked = context.Clock.GetUtcNow();
        await imageExports.SettleStrandedAsync(context.Backend.Id, cancellationToken);
        await imageExports.RemoveUnusedAsync(context.Backend.Id, cancellationToken);
        context.Processed(asked);
    }

    /// <summary>
    /// Compares the cluster's identity with the one stored. A new identity means a rebuilt cluster:
    /// its job ids started again at 1, so what is remembered by id is forgotten, and the tasks whose
    /// jobs are gone are cleared by reconciliation before the new identity is stored.
    /// </summary>
    private async Task CheckClusterAsync(JobFollower follower, CancellationToken cancellationToken)
    {
        var asked = context.Clock.GetUtcNow();
        var info = await context.Driver.GetInfoAsync(cancellationToken);
        context.ClusterAnswered(asked);
        var stored = (await registry.GetAsync(context.Backend.Id, cancellationToken))?.ClusterId;
        if (stored == info.ClusterId)
        {
            return;
        }
        if (stored is not null)
        {
            context.Logger.LogWarning(
                "Cluster '{Backend}' was rebuilt (id {Old} is now {New}): forgetting its job ids and clearing tasks of jobs it no longer has",
                context.Backend.Name, stored, info.ClusterId);
            follower.StopAll();
            context.Jobs.Forget();
            await reconciler.ReconcileAsync(context.Backend.Id, ReconciliationRequest.StaleTasksOnly, cancellationToken);
        }
        await registry.RecordClusterIdAsync(context.Backend.Id, info.ClusterId, cancellationToken);
        context.Processed(asked);
    }

    private static void Wake(SemaphoreSlim check)
    {
        try
        {
            check.Release();
        }
        catch (SemaphoreFullException)
        {
            // a check is already due
        }
    }
}
