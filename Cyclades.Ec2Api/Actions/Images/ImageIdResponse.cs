using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>What the actions that make an image answer: its id.</summary>
public abstract class ImageIdResponse : Ec2Response
{
    [Ec2Element("imageId")]
    public required string ImageId { get; init; }
}

public sealed class CreateImageResponse : ImageIdResponse;

public sealed class RegisterImageResponse : ImageIdResponse;

public sealed class CopyImageResponse : ImageIdResponse;
