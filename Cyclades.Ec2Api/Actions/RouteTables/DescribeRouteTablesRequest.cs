using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.RouteTables;

public sealed class DescribeRouteTablesRequest : Ec2Request, ISupportsDryRun
{
    public const int MaxPageSize = 100;

    [Ec2Parameter("RouteTableId")]
    public IReadOnlyList<string> RouteTableIds { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken", MaxLength = 1024)]
    public string? NextToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
