using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Volumes;

/// <summary>How a server's volumes and its instance's disks differ.</summary>
public enum DiskDifferenceKind
{
    /// <summary>A disk of the instance no volume stands for (an administrator's, or one whose job the dispatcher never saw).</summary>
    Unknown,

    /// <summary>A volume in use by the server whose disk the instance does not have.</summary>
    Missing,

    /// <summary>The disk's size (rounded up to whole GiB) is not the volume's.</summary>
    Size,

    /// <summary>The disk is at another index than the volume says.</summary>
    Index,
}

/// <param name="Volume">The volume concerned; null for an unknown disk.</param>
/// <param name="Disk">The cluster's disk; null for a missing one.</param>
/// <param name="Index">The disk's index on the cluster; null for a missing one.</param>
public sealed record DiskDifference(DiskDifferenceKind Kind, Volume? Volume, ClusterDisk? Disk, int? Index);

/// <summary>
/// Compares a server's volumes with its instance's disks (Synnefo's unsynced-disks check). A disk is
/// its volume's when it carries the volume's name (<c>snf-vol-&lt;id&gt;</c>); an unnamed disk (an
/// adopted administrator's disk, an old root disk) is the volume at its index whose name the instance
/// does not list. Volumes in ERROR take part in the matching but are never reported; volumes of the
/// <c>diskless</c> template have no disk. While one of the server's volumes is on its way (CREATING,
/// ATTACHING, DETACHING, DELETING) nothing is compared: its job decides.
/// </summary>
public static class DiskComparison
{
    private const int MiBPerGiB = 1024;

    /// <summary>A cluster size in whole GiB, rounded up: a volume never counts less than its disk holds.</summary>
    public static int SizeGiB(int sizeMiB) => (sizeMiB + MiBPerGiB - 1) / MiBPerGiB;

    /// <param name="volumes">The server's volumes that are not deleted.</param>
    /// <param name="disks">The instance's disks, in index order.</param>
    public static IReadOnlyList<DiskDifference> Compare(IReadOnlyList<Volume> volumes, IReadOnlyList<ClusterDisk> disks)
    {
        if (volumes.Any(v => v.Status is VolumeStatus.Creating or VolumeStatus.Attaching or VolumeStatus.Detaching or VolumeStatus.Deleting))
        {
            return [];
        }
        var candidates = volumes.Where(v => v.VolumeType != VolumeLimits.DisklessType && v.Status is VolumeStatus.InUse or VolumeStatus.Error).ToList();
        var owners = Match(candidates, disks);
        var differences = new List<DiskDifference>();
        for (var index = 0; index < disks.Count; index++)
        {
            var disk = disks[index];
            if (owners[index] is not { } volume)
            {
                differences.Add(new DiskDifference(DiskDifferenceKind.Unknown, null, disk, index));
                continue;
            }
            if (volume.Status == VolumeStatus.Error)
            {
                continue;
            }
            if (SizeGiB(disk.SizeMiB) != volume.SizeGiB)
            {
                differences.Add(new DiskDifference(DiskDifferenceKind.Size, volume, disk, index));
            }
            if (volume.DiskIndex != index)
            {
                differences.Add(new DiskDifference(DiskDifferenceKind.Index, volume, disk, index));
            }
        }
        differences.AddRange(candidates
            .Where(v => v.Status == VolumeStatus.InUse && !owners.Contains(v))
            .Select(v => new DiskDifference(DiskDifferenceKind.Missing, v, null, null)));
        return differences;
    }

    /// <summary>The volume of each disk (by index), or null.</summary>
    private static Volume?[] Match(IReadOnlyList<Volume> volumes, IReadOnlyList<ClusterDisk> disks)
    {
        var owners = new Volume?[disks.Count];
        var byId = volumes.ToDictionary(v => v.Id);
        for (var index = 0; index < disks.Count; index++)
        {
            if (VolumeNames.TryParse(disks[index].Name, out var id) && byId.Remove(id, out var named))
            {
                owners[index] = named;
            }
        }
        var listed = disks.Select(d => d.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var index = 0; index < disks.Count; index++)
        {
            if (owners[index] is null && !VolumeNames.TryParse(disks[index].Name, out _)
                && byId.Values.FirstOrDefault(v => v.DiskIndex == index && !listed.Contains(v.DiskName)) is { } positional)
            {
                owners[index] = positional;
                byId.Remove(positional.Id);
            }
        }
        return owners;
    }
}
