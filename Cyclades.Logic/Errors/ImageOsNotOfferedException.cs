namespace Cyclades.Logic.Errors;

/// <summary>A user registered an image of an OS no image of the cloud uses, or with an OS parameter none of them passes.</summary>
public sealed class ImageOsNotOfferedException(string osType, string? parameter)
    : DomainException(parameter is null
        ? $"The OS '{osType}' is not offered by any of the cloud's images."
        : $"The OS parameter '{parameter}' is not one the cloud's images of '{osType}' pass.")
{
    public string OsType { get; } = osType;

    public string? Parameter { get; } = parameter;
}
