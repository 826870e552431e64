using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class CreateKeyPairResponse : Ec2Response
{
    [Ec2Element("keyPairId")]
    public required string KeyPairId { get; init; }

    [Ec2Element("keyName")]
    public required string KeyName { get; init; }

    [Ec2Element("keyFingerprint")]
    public required string KeyFingerprint { get; init; }

    /// <summary>The private key (PEM), shown this once.</summary>
    [Ec2Element("keyMaterial")]
    public required string KeyMaterial { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }
}
