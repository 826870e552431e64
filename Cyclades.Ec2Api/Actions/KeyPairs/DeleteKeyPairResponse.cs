using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

/// <summary>Always <c>true</c>, as on AWS (deleting a key pair that is not there succeeds); the id of the one deleted.</summary>
public sealed class DeleteKeyPairResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;

    [Ec2Element("keyPairId")]
    public string? KeyPairId { get; init; }
}
