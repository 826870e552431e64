using System.Globalization;

namespace Cyclades.Logic.Volumes;

/// <summary>Volume id ↔ the name of its disk on the cluster, <c>snf-vol-&lt;id&gt;</c> (as Synnefo names them).</summary>
public static class VolumeNames
{
    private const string Prefix = "snf-vol-";

    public static string DiskName(long volumeId) => Prefix + volumeId.ToString(CultureInfo.InvariantCulture);

    /// <summary>False for disks that are not ours (unnamed, another prefix, not a number after it).</summary>
    public static bool TryParse(string? diskName, out long volumeId)
    {
        volumeId = 0;
        if (diskName is null || !diskName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var digits = diskName.AsSpan(Prefix.Length);
        return digits.Length is > 0 and <= 18
            && digits[0] != '0'
            && !digits.ContainsAnyExcept("0123456789")
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out volumeId);
    }
}
