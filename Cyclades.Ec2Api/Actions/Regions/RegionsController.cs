using Cyclades.Ec2Api.Hosting;
using Cyclades.Ec2Api.Mvc;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Regions;

public sealed class RegionsController(IOptions<Ec2ApiOptions> options) : Ec2Controller
{
    /// <summary>The one configured region, its endpoint being the address the client used.</summary>
    [Ec2Action("DescribeRegions")]
    public DescribeRegionsResponse DescribeRegions(DescribeRegionsRequest request)
    {
        var regions = new[] { new RegionItem { RegionName = options.Value.Region, Endpoint = Endpoint } };
        return new DescribeRegionsResponse { Regions = RegionFilters.Set.Apply(regions, request.Filters).ToList() };
    }
}
