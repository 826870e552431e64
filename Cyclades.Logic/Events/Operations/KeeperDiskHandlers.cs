using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Events.Operations;

/// <summary>The meaning of one finished job on a volume keeper for the volume it deletes (docs/storage.md).</summary>
internal interface IKeeperOperationHandler
{
    ServerOperation Operation { get; }

    Task ApplyAsync(Db db, VolumeDeletion deletion, BackendEvent e, CancellationToken cancellationToken);
}

/// <summary>
/// The detached disk attached to the keeper: a failure (the keeper could not be made, the disk is not on its node,
/// …) makes the volume available again, its disk still detached; a success waits for the remove job — unless none
/// was submitted, when the volume is available again and its disk stays on the keeper for the next deletion.
/// </summary>
internal sealed class KeeperAttachHandler(QuotaService quotas, TimeProvider clock) : IKeeperOperationHandler
{
    public ServerOperation Operation => ServerOperation.AttachDisk;

    public Task ApplyAsync(Db db, VolumeDeletion deletion, BackendEvent e, CancellationToken cancellationToken) =>
        e.Status == JobStatus.Success && deletion.RemoveJobId is not null
            ? Task.CompletedTask
            : VolumeTransitions.KeeperDeletionOverAsync(db, quotas, deletion.VolumeId, removed: false, "", clock.GetUtcNow(), cancellationToken);
}

/// <summary>The disk removed from the keeper: the volume is deleted and released; a failure makes it available again.</summary>
internal sealed class KeeperRemoveHandler(QuotaService quotas, TimeProvider clock) : IKeeperOperationHandler
{
    public ServerOperation Operation => ServerOperation.RemoveDisk;

    public Task ApplyAsync(Db db, VolumeDeletion deletion, BackendEvent e, CancellationToken cancellationToken) =>
        VolumeTransitions.KeeperDeletionOverAsync(db, quotas, deletion.VolumeId, removed: e.Status == JobStatus.Success,
            $"dispatcher: remove {VolumeNames.DiskName(deletion.VolumeId)} on {e.InstanceName} job {e.JobId}", clock.GetUtcNow(), cancellationToken);
}
