using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DescribeVpcClassicLinkRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("VpcId")]
    public IReadOnlyList<string> VpcIds { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
