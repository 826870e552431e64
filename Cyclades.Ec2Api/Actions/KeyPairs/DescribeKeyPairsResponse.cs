using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.KeyPairs;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class DescribeKeyPairsResponse : Ec2Response
{
    [Ec2Element("keySet")]
    public required IReadOnlyList<KeyPairItem> KeyPairs { get; init; }
}

/// <summary>The model's <c>KeyPairInfo</c>.</summary>
public sealed class KeyPairItem
{
    [Ec2Element("keyPairId")]
    public required string KeyPairId { get; init; }

    [Ec2Element("keyType")]
    public required string KeyType { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("publicKey")]
    public string? PublicKey { get; init; }

    [Ec2Element("createTime")]
    public required DateTimeOffset CreateTime { get; init; }

    [Ec2Element("keyName")]
    public required string KeyName { get; init; }

    [Ec2Element("keyFingerprint")]
    public required string KeyFingerprint { get; init; }

    public static KeyPairItem From(KeyPair keyPair, IEnumerable<Tag> tags, bool includePublicKey) => new()
    {
        KeyPairId = KeyPairIds.Of(keyPair.Id),
        KeyType = keyPair.Type == Logic.KeyPairs.KeyType.Rsa ? "rsa" : "ed25519",
        Tags = TagItem.From(tags),
        PublicKey = includePublicKey ? keyPair.PublicKey : null,
        CreateTime = keyPair.CreatedAt,
        KeyName = keyPair.Name,
        KeyFingerprint = keyPair.Fingerprint,
    };
}
