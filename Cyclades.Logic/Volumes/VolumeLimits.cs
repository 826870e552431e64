namespace Cyclades.Logic.Volumes;

public static class VolumeLimits
{
    /// <summary>The largest volume, GiB (EC2's limit for its general-purpose volumes).</summary>
    public const int MaxSizeGiB = 16384;

    /// <summary>Disks per server: Ganeti's default <c>max_disks</c>.</summary>
    public const int MaxDisksPerServer = 16;

    /// <summary>The disk template of an instance without disks: it holds no data and takes no disk.</summary>
    public const string DisklessType = "diskless";
}
