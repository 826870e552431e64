using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>Not paginated (no MaxResults, no NextToken), as on AWS.</summary>
public sealed class DescribeAddressesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("AllocationId")]
    public IReadOnlyList<string> AllocationIds { get; init; } = [];

    [Ec2Parameter("PublicIp")]
    public IReadOnlyList<string> PublicIps { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
