namespace Cyclades.Logic.Errors;

/// <summary>The image is still pending (its export runs) or failed: it cannot be launched or copied.</summary>
public sealed class ImageNotAvailableException(long imageId, bool failed)
    : DomainException($"Image {imageId} is {(failed ? "failed" : "pending")}, not available.")
{
    public long ImageId { get; } = imageId;

    /// <summary>False: still pending.</summary>
    public bool Failed { get; } = failed;
}
