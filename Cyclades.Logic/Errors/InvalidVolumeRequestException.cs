namespace Cyclades.Logic.Errors;

public enum VolumeProblem
{
    /// <summary>The root volume is smaller than the image needs.</summary>
    SmallerThanImage,

    /// <summary>The size is outside 1…<see cref="Volumes.VolumeLimits.MaxSizeGiB"/> GiB.</summary>
    Size,

    /// <summary>The flavor does not allow the volume type (or the cluster does not enable it).</summary>
    TypeNotAllowed,

    /// <summary>A server's disks all have its root volume's type.</summary>
    MixedTypes,

    /// <summary>More disks than a server may have.</summary>
    TooMany,
}

/// <summary>A launch asked for volumes the rules do not allow.</summary>
public sealed class InvalidVolumeRequestException(VolumeProblem problem, string message) : DomainException(message)
{
    public VolumeProblem Problem { get; } = problem;
}
