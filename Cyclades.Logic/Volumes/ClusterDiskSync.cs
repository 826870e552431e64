using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;

namespace Cyclades.Logic.Volumes;

/// <summary>
/// Reconciliation's repair of a server's volumes, in the caller's transaction (the server row locked):
/// the instance's disks are the truth, as Synnefo's <c>--fix-unsynced-disks</c> takes them. An unknown
/// disk is adopted as an IN_USE volume at its index; a volume whose disk is gone is deleted; a size
/// or index the cluster has otherwise is taken. Every change of size is a forced, accepted commission
/// of <c>cyclades.disk</c> (the cluster already made it).
/// </summary>
internal static class ClusterDiskSync
{
    /// <summary>Compares again under the lock and repairs what still differs.</summary>
    /// <returns>How many differences were repaired.</returns>
    public static async Task<int> ApplyAsync(Db db, QuotaService quotas, long serverId, string userId, long backendId, string fallbackType,
        IReadOnlyList<ClusterDisk> disks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var volumes = await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken);
        var differences = DiskComparison.Compare(volumes, disks);
        if (!IsRepairable(differences))
        {
            return 0;
        }
        const string reason = "reconciliation";
        foreach (var missing in differences.Where(d => d.Kind == DiskDifferenceKind.Missing))
        {
            await VolumeTransitions.DeleteAsync(db, quotas, missing.Volume!, $"{reason}: {missing.Volume!.DiskName} gone from the cluster", now, cancellationToken);
        }
        foreach (var changed in differences.Where(d => d.Kind is DiskDifferenceKind.Size or DiskDifferenceKind.Index).GroupBy(d => d.Volume!.Id))
        {
            var (volume, disk, index) = (changed.First().Volume!, changed.First().Disk!, changed.First().Index!.Value);
            var size = DiskComparison.SizeGiB(disk.SizeMiB);
            var commission = volume.CommissionId;
            if (size != volume.SizeGiB)
            {
                await quotas.ResolvePreviousAsync(db, volume.CommissionId, cancellationToken);
                commission = await quotas.IssueAndAcceptAsync(db, new CommissionRequest(volume.UserId, VolumeQuota.Of(size - volume.SizeGiB),
                    $"{reason}: {volume.DiskName} is {disk.SizeMiB} MiB on the cluster", serverId, Forced: true), cancellationToken);
            }
            await VolumeRepository.UpdateAsync(db, volume with { SizeGiB = size, DiskIndex = index, CommissionId = commission, UpdatedAt = now },
                cancellationToken);
        }
        var type = volumes.FirstOrDefault(v => v.IsRoot)?.VolumeType ?? fallbackType;
        foreach (var unknown in differences.Where(d => d.Kind == DiskDifferenceKind.Unknown))
        {
            await VolumeTransitions.AdoptAsync(db, quotas, serverId, userId, backendId, unknown.Index!.Value,
                DiskComparison.SizeGiB(unknown.Disk!.SizeMiB), type, $"{reason}: adopt disk {unknown.Index}", null, now, cancellationToken);
        }
        return differences.Count;
    }

    /// <summary>
    /// Repaired only when every difference can be: not when the root volume's disk is missing (the
    /// instance cannot boot; an operator decides), nor when an unknown disk carries the name of a volume
    /// that is not this server's (adopting it would give one disk two volumes).
    /// </summary>
    public static bool IsRepairable(IReadOnlyList<DiskDifference> differences) =>
        !differences.Any(d => (d.Kind == DiskDifferenceKind.Missing && d.Volume!.DiskIndex == 0)
            || (d.Kind == DiskDifferenceKind.Unknown && VolumeNames.TryParse(d.Disk!.Name, out _)));
}
