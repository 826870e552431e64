using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class DescribeKeyPairsRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("KeyName", MaxLength = 1024)]
    public IReadOnlyList<string> KeyNames { get; init; } = [];

    [Ec2Parameter("KeyPairId")]
    public IReadOnlyList<string> KeyPairIds { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("IncludePublicKey")]
    public bool IncludePublicKey { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
