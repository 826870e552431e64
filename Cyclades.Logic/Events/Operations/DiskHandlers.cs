using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Events.Operations;

/// <summary>A disk added or attached again (<c>OP_INSTANCE_SET_PARAMS</c> add/attach): the server's volumes follow.</summary>
internal sealed class AttachDiskHandler(QuotaService quotas, TimeProvider clock) : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.AttachDisk;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        await VolumeTransitions.AttachedAsync(db, quotas, server.Id, server.UserId, server.BackendId, e.Status == JobStatus.Success,
            e.Disk?.SizeMiB, e.JobId, clock.GetUtcNow(), cancellationToken);
        return DiskEffect.Of(e);
    }
}

/// <summary>
/// A disk detached (<c>OP_INSTANCE_SET_PARAMS</c> detach): its volume is available, still counted, and records the
/// node that keeps the disk (read by the delivery, <see cref="BackendEvent.Node"/>).
/// </summary>
internal sealed class DetachDiskHandler(QuotaService quotas, TimeProvider clock) : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.DetachDisk;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        await VolumeTransitions.DetachedAsync(db, quotas, server.Id, removed: false, e.Status == JobStatus.Success, e.Disk?.Index, e.Node,
            e.JobId, clock.GetUtcNow(), cancellationToken);
        if (e.Status != JobStatus.Success && server.DestroyRequestedAt is not null)
        {
            // A detach before termination failed: the termination goes ahead, its volumes go with the instance.
            await VolumeTransitions.LetGoWithServerAsync(db, server.Id, clock.GetUtcNow(), cancellationToken);
        }
        return DiskEffect.Of(e);
    }
}

/// <summary>A disk removed (<c>OP_INSTANCE_SET_PARAMS</c> remove): its volume is deleted and released.</summary>
internal sealed class RemoveDiskHandler(QuotaService quotas, TimeProvider clock) : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.RemoveDisk;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        await VolumeTransitions.DetachedAsync(db, quotas, server.Id, removed: true, e.Status == JobStatus.Success, e.Disk?.Index, null,
            e.JobId, clock.GetUtcNow(), cancellationToken);
        return DiskEffect.Of(e);
    }
}

/// <summary>A disk grown (<c>OP_INSTANCE_GROW_DISK</c>): its volume takes the size, the growth is commissioned.</summary>
internal sealed class GrowDiskHandler(QuotaService quotas, TimeProvider clock) : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.GrowDisk;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        await VolumeTransitions.GrownAsync(db, quotas, server.Id, e.Status == JobStatus.Success, e.Disk?.Index, e.Disk?.SizeMiB,
            e.Disk?.SizeIsGrowth ?? false, e.JobId, clock.GetUtcNow(), cancellationToken);
        return DiskEffect.Of(e);
    }
}

/// <summary>Disk jobs leave the server's power state alone.</summary>
internal static class DiskEffect
{
    public static OperationEffect Of(BackendEvent e) => e.Status == JobStatus.Success ? OperationEffect.Success() : OperationEffect.Nothing;
}
