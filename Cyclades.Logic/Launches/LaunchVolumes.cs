using System.Globalization;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Launches;

/// <summary>A disk each server of a launch gets, in disk order (the first is the root).</summary>
internal sealed record PlannedVolume(int SizeGiB, string VolumeType, bool DeleteOnTermination, string? DeviceName, long? OriginImageId);

/// <summary>
/// The disks of a launch's servers: the root sized as asked, else the flavor's default disk (for an
/// image made from a server: that server's root size and type), and never smaller than the image needs; of a type the flavor allows; extra blank volumes of the same type
/// (a cluster instance has one disk template). A flavor with no default disk and a launch that asks
/// for none make servers without volumes.
/// </summary>
internal static class LaunchVolumes
{
    public static IReadOnlyList<PlannedVolume> Plan(LaunchRequest request, Image image, Flavor flavor)
    {
        var root = request.Root ?? new LaunchVolume();
        // A server imported from an image of a server gets that server's root volume by default (as EC2's image mapping).
        var imported = image.Export is null ? null : image.DiskTemplate;
        var type = root.VolumeType ?? imported ?? flavor.DiskTemplate;
        if (imported is not null && type != imported)
        {
            throw new InvalidVolumeRequestException(VolumeProblem.TypeNotAllowed,
                $"Image {N(image.Id)} was made from a server with '{imported}' volumes; its root volume is of that type (asked for '{type}').");
        }
        if (!flavor.AllowsVolumeType(type))
        {
            throw new InvalidVolumeRequestException(VolumeProblem.TypeNotAllowed,
                $"Flavor '{flavor.Name}' does not allow volume type '{type}' (it allows {string.Join(", ", Allowed(flavor))}).");
        }
        var size = root.SizeGiB ?? (imported is null ? Math.Max(flavor.DiskGiB, image.MinDiskGiB) : image.MinDiskGiB);
        if (root.SizeGiB is null && size == 0 && request.ExtraVolumes.Count == 0)
        {
            return []; // a flavor without a disk (Ganeti's diskless template), and none asked for
        }
        if (size < image.MinDiskGiB)
        {
            throw new InvalidVolumeRequestException(VolumeProblem.SmallerThanImage,
                $"The root volume ({N(size)} GiB) is smaller than image {N(image.Id)} needs ({N(image.MinDiskGiB)} GiB).");
        }
        if (1 + request.ExtraVolumes.Count > VolumeLimits.MaxDisksPerServer)
        {
            throw new InvalidVolumeRequestException(VolumeProblem.TooMany,
                $"A server has at most {N(VolumeLimits.MaxDisksPerServer)} volumes (asked for {N(1 + request.ExtraVolumes.Count)}).");
        }
        var planned = new List<PlannedVolume> { new(size, type, root.DeleteOnTermination, root.DeviceName, image.Id) };
        foreach (var extra in request.ExtraVolumes)
        {
            if (extra.VolumeType is { } other && other != type)
            {
                throw new InvalidVolumeRequestException(VolumeProblem.MixedTypes,
                    $"Every volume of a server has its root volume's type '{type}' (asked for '{other}').");
            }
            planned.Add(new PlannedVolume(
                extra.SizeGiB ?? throw new InvalidVolumeRequestException(VolumeProblem.Size, "An extra volume needs a size."),
                type, extra.DeleteOnTermination, extra.DeviceName, OriginImageId: null));
        }
        if (planned.FirstOrDefault(v => v.SizeGiB is < 1 or > VolumeLimits.MaxSizeGiB) is { } bad)
        {
            throw new InvalidVolumeRequestException(VolumeProblem.Size,
                $"A volume's size must be 1-{N(VolumeLimits.MaxSizeGiB)} GiB (asked for {N(bad.SizeGiB)}).");
        }
        return planned;
    }

    private static IEnumerable<string> Allowed(Flavor flavor) => flavor.VolumeTypes.Append(flavor.DiskTemplate).Distinct().Order(StringComparer.Ordinal);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
