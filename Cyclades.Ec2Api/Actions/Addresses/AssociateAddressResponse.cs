using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class AssociateAddressResponse : Ec2Response
{
    [Ec2Element("associationId")]
    public required string AssociationId { get; init; }
}
