using System.Globalization;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Idempotency;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Volumes on their own: create, attach, detach, grow, delete. The shape of the server commands: one
/// transaction locks the volume and its server, checks, records the server's task as submitting and
/// the volume's transition (and commission); the job is submitted after the commit; its result
/// reaches the volume only through the dispatcher (<c>Events/Operations/*DiskHandler</c>).
/// </summary>
/// <remarks>
/// How a volume exists on Ganeti (docs/storage.md): created on its own it is a database row only,
/// until its first attach adds a disk <c>snf-vol-&lt;id&gt;</c> to the instance; a detach is Ganeti
/// 3.0's <c>detach</c>, which keeps the disk (and its data) on the cluster and the node; a later
/// attach is Ganeti's <c>attach</c>, to an instance on the same node. Quota <c>cyclades.disk</c>
/// counts the volume from its creation to its deletion, attached or not.
/// </remarks>
public sealed class VolumeCommands(
    IDbConnectionFactory connections,
    ClusterDriverCache drivers,
    QuotaService quotas,
    ServerTaskJobs jobs,
    VolumeKeepers keepers,
    IdempotentCreations idempotent,
    TimeProvider clock)
{
    public const int MinSizeGiB = 1;
    public const int MaxSizeGiB = 16384;

    private const long GiB = 1L << 30;

    /// <summary>A volume without tags or idempotency key (see <see cref="VolumeRequest"/>).</summary>
    public async Task<Volume> CreateAsync(
        string userId, string backendName, int sizeGiB, string? volumeType, string? typeLabel, CancellationToken cancellationToken) =>
        (await CreateAsync(new VolumeRequest(userId, backendName, sizeGiB) { VolumeType = volumeType, TypeLabel = typeLabel }, cancellationToken)).Volume;

    /// <summary>
    /// A detached volume, its size taken from <c>cyclades.disk</c>. Under an idempotency key, a retry with the same
    /// parameters gets the volume the first request made (as it is now: grown, attached or deleted since) and
    /// takes no quota; the cluster is not asked again.
    /// </summary>
    /// <exception cref="IdempotencyMismatchException">The key was used with other parameters.</exception>
    public async Task<VolumeCreation> CreateAsync(VolumeRequest request, CancellationToken cancellationToken)
    {
        CheckSize(null, request.SizeGiB);
        var backend = await connections.ReadAsync(db => BackendRepository.FindAsync(db, request.BackendName, cancellationToken), cancellationToken)
            ?? throw new BackendNotFoundException(request.BackendName);
        var claim = IdempotencyClaim.Of(request.UserId, IdempotentKind.Volume, request.IdempotencyKey,
            backend.Id, request.SizeGiB, request.VolumeType, request.TypeLabel, RequestFingerprint.TagsOf(request.Tags));
        if (await idempotent.EarlierAsync(claim, cancellationToken) is { } earlier)
        {
            return new VolumeCreation(await GetAsync(request.UserId, earlier, cancellationToken), Replayed: true);
        }
        var templates = await ClusterCallAsync(async () =>
            (await (await drivers.GetAsync(backend.Id, cancellationToken)).GetInfoAsync(cancellationToken)).DiskTemplates);
        // Ganeti lists its default template first; diskless holds no data.
        var type = request.VolumeType ?? templates.FirstOrDefault(template => template != VolumeLimits.DisklessType)
            ?? throw new VolumeTypeUnavailableException("(default)", backend.Name);
        if (!templates.Contains(type) || type == VolumeLimits.DisklessType)
        {
            throw new VolumeTypeUnavailableException(type, backend.Name);
        }
        var created = await idempotent.CreateOnceAsync(claim, async db =>
        {
            var now = clock.GetUtcNow();
            var volume = await VolumeRepository.InsertAsync(db, new NewVolume(
                request.UserId, backend.Id, null, null, request.SizeGiB, type, VolumeStatus.Available, null, DeleteOnTermination: false, null),
                UnixTime.ToMicros(now), cancellationToken);
            var commission = await quotas.IssueAndAcceptAsync(db, new CommissionRequest(
                request.UserId, VolumeQuota.Of(request.SizeGiB), $"api: CREATE {volume.DiskName}"), cancellationToken);
            await VolumeRepository.AttachCommissionAsync(db, volume.Id, commission, cancellationToken);
            await VolumeDisks.SetTypeLabelAsync(db, volume.Id, request.TypeLabel, cancellationToken);
            await TagService.AddAsync(db, request.UserId, [ResourceOf(volume.Id)], request.Tags, now, cancellationToken);
            return volume.Id;
        }, cancellationToken);
        return new VolumeCreation(await GetAsync(request.UserId, created.ResourceId, cancellationToken), created.Replayed);
    }

    /// <summary>Attaches an available volume to a running or stopped server of the same cluster, as the next disk.</summary>
    /// <param name="deviceName">Kept as given and reported back; unique among the server's volumes.</param>
    public async Task<Volume> AttachAsync(string userId, long volumeId, long serverId, string deviceName, CancellationToken cancellationToken)
    {
        var (server, volume, onCluster) = await connections.WriteAsync(async db =>
        {
            var volume = await LockAsync(db, userId, volumeId, cancellationToken);
            var server = await LockServerAsync(db, userId, serverId, cancellationToken);
            if (volume.ServerId is { } attachedTo)
            {
                throw new VolumeInUseException(volume.Id, attachedTo);
            }
            if (volume.Status != VolumeStatus.Available)
            {
                throw new VolumeStateException(volume.Id, volume.Status);
            }
            if (server.BackendId != volume.BackendId)
            {
                throw new VolumeZoneMismatchException(volume.Id, server.Id);
            }
            VolumeActionRules.EnsureAllowed(server, ServerAction.AttachVolume);
            var disks = await VolumeRepository.LockByServerAsync(db, server.Id, cancellationToken);
            // Ganeti keeps one disk template per instance: its root's, or for an instance without disks its
            // flavor's when that is diskless (such an instance takes no disk at all).
            var serverType = disks.FirstOrDefault(disk => disk.DiskIndex == 0)?.VolumeType
                ?? await DisklessTypeAsync(db, server, cancellationToken);
            if (serverType is not null && serverType != volume.VolumeType)
            {
                throw new VolumeTypeMismatchException(volume.Id, volume.VolumeType, server.Id, serverType);
            }
            if (disks.Any(disk => disk.DeviceName == deviceName))
            {
                throw new DeviceInUseException(deviceName);
            }
            var now = clock.GetUtcNow();
            var attaching = volume with
            {
                Status = VolumeStatus.Attaching,
                ServerId = server.Id,
                DiskIndex = disks.Count == 0 ? 0 : disks.Max(disk => disk.DiskIndex ?? 0) + 1,
                DeviceName = deviceName,
                DeleteOnTermination = false,
                AttachedAt = now,
                UpdatedAt = now,
            };
            await VolumeRepository.UpdateAsync(db, attaching, cancellationToken);
            return (await ServerTaskJobs.StartAsync(db, server, ServerAction.AttachVolume, now, cancellationToken), attaching,
                await VolumeDisks.IsOnClusterAsync(db, volume.Id, cancellationToken));
        }, cancellationToken);
        await SubmitAsync(server, volume, (driver, token) => onCluster
            ? driver.AttachDiskAsync(server.InstanceName, volume.DiskName, null, token)
            : driver.AddDiskAsync(server.InstanceName, volume.DiskName, volume.SizeGiB, token));
        return volume;
    }

    /// <summary>Detaches a volume from its server; the cluster keeps its disk and data for a later attach.</summary>
    /// <param name="serverId">When given, the server it must be attached to.</param>
    /// <param name="deviceName">When given, the device it must be attached as.</param>
    public async Task<Volume> DetachAsync(string userId, long volumeId, long? serverId, string? deviceName, CancellationToken cancellationToken)
    {
        var (server, volume) = await connections.WriteAsync(async db =>
        {
            var volume = await LockAsync(db, userId, volumeId, cancellationToken);
            if (volume.ServerId is not { } attachedTo)
            {
                throw new VolumeStateException(volume.Id, volume.Status);
            }
            if ((serverId is { } expected && expected != attachedTo) || (deviceName is not null && deviceName != volume.DeviceName))
            {
                throw new VolumeNotAttachedException(volume.Id, serverId, deviceName);
            }
            if (volume.Status != VolumeStatus.InUse)
            {
                throw new VolumeStateException(volume.Id, volume.Status);
            }
            var server = await LockServerAsync(db, userId, attachedTo, cancellationToken);
            VolumeActionRules.EnsureAllowed(server, ServerAction.DetachVolume, rootVolume: volume.DiskIndex == 0);
            var now = clock.GetUtcNow();
            var detaching = volume with { Status = VolumeStatus.Detaching, UpdatedAt = now };
            await VolumeRepository.UpdateAsync(db, detaching, cancellationToken);
            return (await ServerTaskJobs.StartAsync(db, server, ServerAction.DetachVolume, now, cancellationToken), detaching);
        }, cancellationToken);
        await SubmitAsync(server, volume, (driver, token) => driver.DetachDiskAsync(server.InstanceName, volume.DiskName, token));
        return volume;
    }

    /// <summary>Grows a volume to <paramref name="sizeGiB"/> (see <see cref="ModifyAsync"/>).</summary>
    public Task<VolumeModification> GrowAsync(string userId, long volumeId, int sizeGiB, CancellationToken cancellationToken) =>
        ModifyAsync(userId, volumeId, sizeGiB, null, cancellationToken);

    /// <summary>
    /// Grows a volume (never shrinks) and/or renames its type as a front-end reports it, recorded as a
    /// modification: done at once for a volume that is only a database row; through the cluster's grow-disk
    /// for an attached one (MODIFYING until the dispatcher applies the job: its commission of +Δ accepted and
    /// the modification completed, or rejected and failed). A detached disk cannot grow on Ganeti (no
    /// instance), so that is refused. One modification at a time per volume.
    /// </summary>
    /// <param name="sizeGiB">The new size; null or the current size = unchanged.</param>
    /// <param name="typeLabel">The new type name (the disk template stays); null = unchanged.</param>
    public async Task<VolumeModification> ModifyAsync(
        string userId, long volumeId, int? sizeGiB, string? typeLabel, CancellationToken cancellationToken)
    {
        var (server, volume, modification) = await connections.WriteAsync(async db =>
        {
            var volume = await LockAsync(db, userId, volumeId, cancellationToken);
            if (volume.Status is not (VolumeStatus.Available or VolumeStatus.InUse))
            {
                throw new VolumeStateException(volume.Id, volume.Status);
            }
            if (await VolumeModificationRepository.IsModifyingAsync(db, volume.Id, cancellationToken))
            {
                throw new VolumeModificationInProgressException(volume.Id);
            }
            var target = sizeGiB ?? volume.SizeGiB;
            if (target != volume.SizeGiB)
            {
                CheckSize(volume, target);
            }
            var label = await VolumeDisks.TypeLabelAsync(db, volume.Id, cancellationToken);
            var targetLabel = typeLabel ?? label;
            if (target == volume.SizeGiB && targetLabel == label)
            {
                throw new VolumeUnchangedException(volume.Id, volume.SizeGiB, label);
            }
            var now = clock.GetUtcNow();
            var grows = target != volume.SizeGiB;
            Server? server = null;
            if (grows)
            {
                server = await GrowInTransactionAsync(db, volume, target, now, cancellationToken);
            }
            if (targetLabel != label)
            {
                await VolumeDisks.SetTypeLabelAsync(db, volume.Id, targetLabel, cancellationToken);
            }
            var modification = await VolumeModificationRepository.InsertAsync(db, userId, new VolumeModification(
                0, volume.Id, volume.SizeGiB, target, label, targetLabel,
                server is null ? VolumeModificationState.Completed : VolumeModificationState.Modifying, null, now, server is null ? now : null),
                cancellationToken);
            return (server, volume, modification);
        }, cancellationToken);
        if (server is not null)
        {
            await SubmitAsync(server, volume, (driver, token) => driver.GrowDiskAsync(server.InstanceName, volume.DiskIndex!.Value, modification.TargetSizeGiB, token));
        }
        return modification;
    }

    /// <returns>The server whose grow-disk job to submit; null when the volume grew at once.</returns>
    private async Task<Server?> GrowInTransactionAsync(Db db, Volume volume, int sizeGiB, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var growth = VolumeQuota.Of(sizeGiB - volume.SizeGiB);
        if (volume.ServerId is null)
        {
            if (await VolumeDisks.IsOnClusterAsync(db, volume.Id, cancellationToken))
            {
                throw new VolumeStateException(volume.Id, volume.Status);
            }
            var commission = await quotas.IssueAndAcceptAsync(db, new CommissionRequest(
                volume.UserId, growth, $"api: GROW {volume.DiskName}"), cancellationToken);
            await VolumeRepository.UpdateAsync(db, volume with { SizeGiB = sizeGiB, CommissionId = commission, UpdatedAt = now }, cancellationToken);
            return null;
        }
        if (volume.Status != VolumeStatus.InUse)
        {
            throw new VolumeStateException(volume.Id, volume.Status);
        }
        var server = await LockServerAsync(db, volume.UserId, volume.ServerId.Value, cancellationToken);
        VolumeActionRules.EnsureAllowed(server, ServerAction.GrowVolume);
        var pending = await quotas.IssueAsync(db, new CommissionRequest(
            volume.UserId, growth, $"api: GROW {volume.DiskName} to {sizeGiB} GiB", server.Id), cancellationToken);
        await VolumeRepository.AttachCommissionAsync(db, volume.Id, pending, cancellationToken);
        return await ServerTaskJobs.StartAsync(db, server, ServerAction.GrowVolume, now, cancellationToken);
    }

    /// <summary>
    /// Before a server is destroyed: detaches the next of its volumes that is to outlive it (delete-on-termination
    /// false; not the root, which leaves a running server only by stopping it), so that Ganeti, which destroys an
    /// instance's disks with it, keeps that disk and its data. The destroy is recorded as a request in the same
    /// transaction; the dispatcher carries it out once the detach is applied, detaching the next kept volume the
    /// same way until none is left. Null when there is none to detach (or the server cannot detach now): the
    /// destroy goes ahead.
    /// </summary>
    /// <param name="carriesOutRequest">The dispatcher carrying out the recorded request (no protection check).</param>
    internal async Task<ServerCommandResult?> DetachKeptBeforeDestroyAsync(string userId, long serverId, bool carriesOutRequest, CancellationToken cancellationToken)
    {
        var step = await connections.WriteAsync<(Server Before, Server After, Volume Volume)?>(async db =>
        {
            var server = (await ServerRepository.LockAsync(db, userId, [serverId], cancellationToken)).SingleOrDefault();
            if (server is null || server.Deleted || server.Task is not null || !VolumeActionRules.CanDetachBeforeDestroy(server)
                || (!carriesOutRequest && server.DestroyRequestedAt is not null))
            {
                return null;
            }
            var kept = (await VolumeRepository.LockByServerAsync(db, server.Id, cancellationToken))
                .FirstOrDefault(v => !v.DeleteOnTermination && v.DiskIndex != 0 && v.Status == VolumeStatus.InUse);
            if (kept is null)
            {
                return null;
            }
            if (!carriesOutRequest)
            {
                ServerProtection.EnsureAllowed(server, ServerAction.Destroy);
            }
            var now = clock.GetUtcNow();
            var detaching = kept with { Status = VolumeStatus.Detaching, UpdatedAt = now };
            await VolumeRepository.UpdateAsync(db, detaching, cancellationToken);
            var after = await ServerTaskJobs.StartAsync(db, server.WithDestroyRequest(DestroyReason.Owner, now), ServerAction.DetachVolume, now, cancellationToken);
            return (Before: server, After: after, Volume: detaching);
        }, cancellationToken);
        if (step is not { } detach)
        {
            return null;
        }
        await SubmitAsync(detach.After, detach.Volume, (driver, token) => driver.DetachDiskAsync(detach.After.InstanceName, detach.Volume.DiskName, token));
        return new ServerCommandResult(detach.Before, detach.After, Performed: true);
    }

    /// <summary>
    /// Deletes an available volume. One whose disk was never made (a database row only) goes at once, its quota
    /// released. One whose disk exists detached on the cluster becomes DELETING and goes through the volume keeper of
    /// its node and type (<see cref="VolumeKeepers"/>): DELETED and released when the dispatcher applies the remove
    /// job's success, AVAILABLE again when a job fails.
    /// </summary>
    public async Task<Volume> DeleteAsync(string userId, long volumeId, CancellationToken cancellationToken)
    {
        var (volume, keeper) = await connections.WriteAsync<(Volume, (VolumeKeeper Keeper, string OsType)?)>(async db =>
        {
            var volume = await LockAsync(db, userId, volumeId, cancellationToken);
            if (volume.ServerId is { } attachedTo)
            {
                throw new VolumeInUseException(volume.Id, attachedTo);
            }
            if (volume.Status is not (VolumeStatus.Available or VolumeStatus.Error))
            {
                throw new VolumeStateException(volume.Id, volume.Status);
            }
            if (await VolumeDisks.IsOnClusterAsync(db, volume.Id, cancellationToken))
            {
                if (volume.Status != VolumeStatus.Available)
                {
                    throw new VolumeStateException(volume.Id, volume.Status);
                }
                var (deleting, keeper, osType) = await keepers.StartAsync(db, volume, cancellationToken);
                return (deleting, (keeper, osType));
            }
            await quotas.ResolvePreviousAsync(db, volume.CommissionId, cancellationToken);
            var commission = await quotas.IssueAndAcceptAsync(db, new CommissionRequest(
                userId, VolumeQuota.Of(-volume.SizeGiB), $"api: DELETE {volume.DiskName}", Forced: true), cancellationToken);
            var deleted = volume.AsDeleted(clock.GetUtcNow()) with { CommissionId = commission };
            await VolumeRepository.UpdateAsync(db, deleted, cancellationToken);
            return (deleted, null);
        }, cancellationToken);
        if (keeper is { } through)
        {
            await keepers.SubmitAsync(volume, through.Keeper, through.OsType);
        }
        return volume;
    }

    /// <summary>How a volume is named among tagged resources.</summary>
    public static TaggedResource ResourceOf(long volumeId) =>
        new(TaggedResourceType.Volume, volumeId.ToString(CultureInfo.InvariantCulture));

    private Task<Volume> GetAsync(string userId, long volumeId, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db => await VolumeRepository.GetAsync(db, userId, volumeId, cancellationToken)
            ?? throw new VolumeNotFoundException([volumeId]), cancellationToken);

    private static void CheckSize(Volume? volume, int sizeGiB)
    {
        if (sizeGiB is < MinSizeGiB or > MaxSizeGiB)
        {
            throw new InvalidVolumeSizeException(volume?.Id, sizeGiB, $"a volume has {MinSizeGiB} to {MaxSizeGiB} GiB.");
        }
        if (volume is not null && sizeGiB <= volume.SizeGiB)
        {
            throw new InvalidVolumeSizeException(volume.Id, sizeGiB, "a volume only grows.");
        }
    }

    private static async Task<Volume> LockAsync(Db db, string userId, long volumeId, CancellationToken cancellationToken) =>
        (await VolumeRepository.LockAsync(db, userId, [volumeId], cancellationToken)).SingleOrDefault() is { Deleted: false } volume
            ? volume
            : throw new VolumeNotFoundException([volumeId]);

    /// <summary>The diskless type when the server's flavor has no disk template; null when its disks may be of any type.</summary>
    private static async Task<string?> DisklessTypeAsync(Db db, Server server, CancellationToken cancellationToken) =>
        (await CatalogRepository.GetFlavorAsync(db, server.FlavorId, cancellationToken))?.DiskTemplate == VolumeLimits.DisklessType
            ? VolumeLimits.DisklessType
            : null;

    private static async Task<Server> LockServerAsync(Db db, string userId, long serverId, CancellationToken cancellationToken) =>
        (await ServerRepository.LockAsync(db, userId, [serverId], cancellationToken)).SingleOrDefault()
        ?? throw new ServerNotFoundException([serverId]);

    /// <summary>After the commit, not cancellable: the job's id recorded, or the task given up and the volume put back.</summary>
    private Task SubmitAsync(Server server, Volume volume, Func<IClusterDriver, CancellationToken, Task<long>> submit) =>
        jobs.SubmitAsync(server, submit, db => VolumeTransitions.UndoAsync(db, quotas, volume, clock.GetUtcNow(), CancellationToken.None));

    private static async Task<T> ClusterCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ClusterException e)
        {
            throw e.ToDomainError();
        }
    }
}

/// <summary>What <see cref="VolumeCommands.CreateAsync(VolumeRequest, CancellationToken)"/> makes.</summary>
/// <param name="BackendName">The cluster (availability zone).</param>
public sealed record VolumeRequest(string UserId, string BackendName, int SizeGiB)
{
    /// <summary>A disk template the cluster enables; null = its default.</summary>
    public string? VolumeType { get; init; }

    /// <summary>The type as the front-end's user named it, kept to be reported back.</summary>
    public string? TypeLabel { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The caller's key: a retry with it and the same parameters gets the volume the first request made.</summary>
    public string? IdempotencyKey { get; init; }
}

/// <param name="Replayed">An earlier request with the same idempotency key made it.</param>
public sealed record VolumeCreation(Volume Volume, bool Replayed);
