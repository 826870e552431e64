using Cyclades.Logic.Configuration;

namespace Cyclades.Logic.Catalog;

/// <summary>
/// A server size (named after an EC2 instance type): its compute (cpu, ram) and the volume types its
/// servers' disks may have. <paramref name="DiskGiB"/> is the default root volume size (a launch
/// may ask for another); <paramref name="DiskTemplate"/> the default volume type.
/// </summary>
/// <param name="Deleted">No longer offered (retired from configuration or deprecated); existing servers keep it.</param>
public sealed record Flavor(long Id, string Name, int Cpu, int RamMiB, int DiskGiB, string DiskTemplate, bool Deleted)
{
    public DefinitionOrigin Origin { get; init; } = DefinitionOrigin.Config;

    /// <summary>The volume types (disk templates) this flavor's servers may have; empty = only <see cref="DiskTemplate"/>.</summary>
    public IReadOnlyList<string> VolumeTypes { get; init; } = [];

    public bool AllowsVolumeType(string volumeType) =>
        volumeType == DiskTemplate || VolumeTypes.Contains(volumeType, StringComparer.Ordinal);

    /// <summary>Value equality, the volume types included (compared as a set).</summary>
    public bool Equals(Flavor? other) =>
        other is not null
        && (Id, Name, Cpu, RamMiB, DiskGiB, DiskTemplate, Deleted, Origin) ==
           (other.Id, other.Name, other.Cpu, other.RamMiB, other.DiskGiB, other.DiskTemplate, other.Deleted, other.Origin)
        && VolumeTypes.ToHashSet(StringComparer.Ordinal).SetEquals(other.VolumeTypes);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Cpu, RamMiB, DiskGiB, DiskTemplate, Deleted, Origin);
}
