using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Images;

/// <summary>
/// Keeps the images made from servers and their cluster exports in step, for the dispatcher of one
/// backend (run periodically, like the deferred destroys): a pending image whose export result the
/// dispatcher did not apply (the server was terminated meanwhile, or the result was missed) takes the
/// result of its export job from the cluster; an export no registered image uses any more is removed
/// from the cluster.
/// </summary>
public sealed class ImageExports(IDbConnectionFactory connections, ClusterDriverCache drivers, TimeProvider clock, ILogger<ImageExports> logger)
{
    /// <summary>
    /// Settles the pending images whose server no longer exports for them (its task is another one or
    /// none, or it is deleted): from the export job's final result; as failed when the job was never
    /// submitted or the cluster no longer knows it. A job still running is left for a later check.
    /// </summary>
    /// <returns>How many images were settled.</returns>
    public async Task<int> SettleStrandedAsync(long backendId, CancellationToken cancellationToken)
    {
        var pending = await connections.ReadAsync(db => ImageRepository.ListPendingExportsAsync(db, backendId, cancellationToken), cancellationToken);
        var settled = 0;
        foreach (var image in pending)
        {
            var server = await connections.ReadAsync(db => ServerRepository.LockAsync(db, image.ServerId, cancellationToken), cancellationToken);
            if (server is { Deleted: false, Task.Action: ServerAction.Export })
            {
                continue; // the dispatcher settles it with the task
            }
            var job = image.JobId is { } jobId ? await (await drivers.GetAsync(backendId, cancellationToken)).GetJobAsync(jobId, cancellationToken) : null;
            if (job is not null && !job.Status.IsFinal())
            {
                continue;
            }
            var (succeeded, message) = job is null
                ? (false, image.JobId is null
                    ? "The export job was never submitted."
                    : $"The cluster no longer knows the export job {image.JobId}; its result is unknown.")
                : (job.Status == JobStatus.Success, job.Operations.Select(op => op.Message).FirstOrDefault(m => m is not null));
            await connections.WriteAsync(async db =>
            {
                await ImageRepository.FinishExportOfImageAsync(db, image.ImageId, succeeded, message, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
                return true;
            }, cancellationToken);
            logger.LogInformation("Image {ImageId} was still pending after its export job {JobId}: now {State}",
                image.ImageId, image.JobId, succeeded ? ImageState.Available : ImageState.Failed);
            settled++;
        }
        return settled;
    }

    /// <summary>
    /// Removes from the cluster the exports that deregistered images used and no registered image uses
    /// (a copy, or a newer image of the same server made in the same place, keeps one). The decision is
    /// taken under the lock of the server the export was made from, which a new export of that server
    /// also takes, and a new export waits while a removal is under way. A removal that fails (the
    /// cluster is away, the operator's command failed) is tried again at the next check.
    /// </summary>
    /// <returns>How many exports were removed.</returns>
    public async Task<int> RemoveUnusedAsync(long backendId, CancellationToken cancellationToken)
    {
        var candidates = await connections.ReadAsync(db => ImageRepository.ListExportsToRemoveAsync(db, backendId, cancellationToken), cancellationToken);
        var removed = 0;
        foreach (var candidate in candidates)
        {
            var export = candidate.Export;
            var decision = await connections.WriteAsync(async db =>
            {
                await ServerRepository.LockAsync(db, candidate.ServerId, cancellationToken);
                var decided = await ImageRepository.FindUsingExportAsync(db, export, cancellationToken) is null ? ExportRemoval.Removing : ExportRemoval.Kept;
                await ImageRepository.SetExportRemovalAsync(db, export, decided, Now, cancellationToken);
                return decided;
            }, cancellationToken);
            if (decision != ExportRemoval.Removing)
            {
                continue;
            }
            try
            {
                var driver = await drivers.GetAsync(backendId, cancellationToken);
                await driver.RemoveExportAsync(new ClusterExportLocation(export.Node, export.Path), cancellationToken);
            }
            catch (ClusterException e)
            {
                logger.LogWarning("The export {Path} on node {Node} of backend {BackendId} could not be removed yet: {Error}",
                    export.Path, export.Node, export.BackendId, e.Message);
                continue;
            }
            await connections.WriteAsync(async db =>
            {
                await ImageRepository.SetExportRemovalAsync(db, export, ExportRemoval.Removed, Now, cancellationToken);
                return true;
            }, cancellationToken);
            logger.LogInformation("Removed the export {Path} on node {Node} of backend {BackendId}: no image uses it", export.Path, export.Node, export.BackendId);
            removed++;
        }
        return removed;
    }

    private long Now => UnixTime.ToMicros(clock.GetUtcNow());
}
