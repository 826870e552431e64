using Amazon.EC2.Model;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract;

[Category("Contract")]
public sealed class HostSmokeTests
{
    [Test]
    public async Task Describe_regions_through_the_sdk()
    {
        await using var host = await Ec2ApiHost.StartAsync();
        using var client = host.CreateClient(TestUser.Alice);

        var response = await client.DescribeRegionsAsync(new DescribeRegionsRequest());

        Assert.That(response.Regions.Single().RegionName, Is.EqualTo("cyclades-1"));
    }
}
