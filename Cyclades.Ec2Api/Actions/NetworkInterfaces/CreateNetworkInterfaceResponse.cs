using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class CreateNetworkInterfaceResponse : Ec2Response
{
    [Ec2Element("networkInterface")]
    public required NetworkInterfaceItem NetworkInterface { get; init; }

    [Ec2Element("clientToken")]
    public string? ClientToken { get; init; }
}
