using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

public sealed class DescribeInstanceTypeOfferingsRequest : Ec2Request, ISupportsDryRun
{
    /// <summary>AWS's default is <c>region</c>.</summary>
    [Ec2Parameter("LocationType")]
    public string? LocationType { get; init; }

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken", MaxLength = 1024)]
    public string? NextToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
