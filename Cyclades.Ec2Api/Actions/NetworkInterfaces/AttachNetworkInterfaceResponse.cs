using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class AttachNetworkInterfaceResponse : Ec2Response
{
    [Ec2Element("attachmentId")]
    public required string AttachmentId { get; init; }

    [Ec2Element("networkCardIndex")]
    public int NetworkCardIndex { get; init; }
}
