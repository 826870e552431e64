using Cyclades.Logic.Quotas;

namespace Cyclades.Logic.Volumes;

/// <summary>What a volume holds, whatever its server does: <c>cyclades.disk</c>, its size in bytes.</summary>
public static class VolumeQuota
{
    private const long GiB = 1L << 30;

    public static Provisions Of(long sizeGiB) => Provisions.Of((QuotaResource.Disk, sizeGiB * GiB));
}
