using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Launches;

/// <summary>
/// What an image asks of a launch: it is available; a server made from an image of a server is
/// imported from that image's export, so it goes to the export's cluster, with a flavor that allows the
/// exported disk template (the root's size is checked with the launch's volumes).
/// </summary>
internal static class ImageLaunchRules
{
    public static async Task EnsureLaunchableAsync(Image image, Flavor flavor, string? backendName, BackendRegistry backends, CancellationToken cancellationToken)
    {
        if (image.State != ImageState.Available)
        {
            throw new ImageNotAvailableException(image.Id, image.State == ImageState.Failed);
        }
        if (image.Export is null)
        {
            return;
        }
        var home = await ExportBackendNameAsync(image, backends, cancellationToken);
        if (backendName is not null && backendName != home)
        {
            throw new ImagePlacementException(image.Id, home, ImagePlacementProblem.OtherBackend);
        }
        if (image.DiskTemplate is { } template && !flavor.AllowsVolumeType(template))
        {
            throw new ImagePlacementException(image.Id, home, ImagePlacementProblem.Disk) { MinDiskGiB = image.MinDiskGiB, DiskTemplate = image.DiskTemplate };
        }
    }

    /// <summary>The backend a launch of the image must use: the export's for an image made from a server, else the one asked for (or none).</summary>
    public static async Task<string?> BackendNameAsync(Image image, string? requested, BackendRegistry backends, CancellationToken cancellationToken) =>
        image.Export is null ? requested : await ExportBackendNameAsync(image, backends, cancellationToken);

    private static async Task<string> ExportBackendNameAsync(Image image, BackendRegistry backends, CancellationToken cancellationToken) =>
        (await backends.GetAsync(image.Export!.BackendId, cancellationToken))?.Name
        ?? throw new ImageNotAvailableException(image.Id, failed: true);
}
