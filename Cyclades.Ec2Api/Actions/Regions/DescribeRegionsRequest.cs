using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Regions;

public sealed class DescribeRegionsRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("RegionName")]
    public IReadOnlyList<string> RegionNames { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("AllRegions")]
    public bool AllRegions { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
