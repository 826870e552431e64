using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

/// <summary>The DescribeKeyPairs filters (with <c>tag:&lt;key&gt;</c>).</summary>
public static class KeyPairFilters
{
    public static readonly Ec2FilterSet<KeyPairItem> Set = new Ec2FilterSet<KeyPairItem>()
        .Add("key-pair-id", k => k.KeyPairId)
        .Add("fingerprint", k => k.KeyFingerprint)
        .Add("key-name", k => k.KeyName)
        .Add("key-type", k => k.KeyType)
        .AddEach("tag-key", k => k.Tags.Select(t => t.Key));
}
