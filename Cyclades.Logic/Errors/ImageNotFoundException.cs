namespace Cyclades.Logic.Errors;

public sealed class ImageNotFoundException(string imageId)
    : DomainException($"Image '{imageId}' does not exist.")
{
    public string ImageId { get; } = imageId;
}
