using Cyclades.Ec2Api.Actions.Common;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

/// <summary>Key pair ids: <c>key-</c> + 17 hex digits of the key pair's id.</summary>
public static class KeyPairIds
{
    public const string Prefix = "key-";

    public static string Of(long keyPairId) => Ec2Id.Format(Prefix, keyPairId);

    public static bool TryParse(string id, out long keyPairId) => Ec2Id.TryParse(Prefix, id, out keyPairId);
}
