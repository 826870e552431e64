using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>What CreateImage, RegisterImage and CopyImage answer: the new image's id.</summary>
public sealed class ImageIdResponse : Ec2Response
{
    [Ec2Element("imageId")]
    public required string ImageId { get; init; }
}

/// <summary>What DeregisterImage, ModifyImageAttribute and ResetImageAttribute answer.</summary>
public sealed class ImageReturnResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;
}
