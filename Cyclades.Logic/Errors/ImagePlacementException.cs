namespace Cyclades.Logic.Errors;

/// <summary>An image made from a server launches only on its export's cluster, with a disk like the exported one.</summary>
public sealed class ImagePlacementException(long imageId, string backend, ImagePlacementProblem problem)
    : DomainException(problem == ImagePlacementProblem.OtherBackend
        ? $"Image {imageId} can only be launched on backend '{backend}'."
        : $"Image {imageId} needs a root disk of its disk template and at least its size.")
{
    public long ImageId { get; } = imageId;

    /// <summary>The backend its export is on.</summary>
    public string Backend { get; } = backend;

    public ImagePlacementProblem Problem { get; } = problem;

    public int MinDiskGiB { get; init; }

    public string? DiskTemplate { get; init; }
}

public enum ImagePlacementProblem
{
    OtherBackend,
    Disk,
}
