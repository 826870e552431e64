namespace Cyclades.Logic.Errors;

public sealed class ImageNotFoundException(long imageId)
    : DomainException($"Image '{imageId}' does not exist.")
{
    public long ImageId { get; } = imageId;
}
