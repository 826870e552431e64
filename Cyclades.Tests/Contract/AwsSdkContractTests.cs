using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract;

/// <summary>AWSSDK.EC2 against the real host: results, and errors with the right ErrorCode and StatusCode.</summary>
[Category("Contract")]
public sealed class AwsSdkContractTests
{
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _host = await Ec2ApiHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    [TestCase("us-east-1")]
    [TestCase("cyclades-1")]
    public async Task Describe_regions_works_whatever_region_the_client_signs_for(string signingRegion)
    {
        using var client = _host.CreateClient(TestUser.Alice, signingRegion);

        var response = await client.DescribeRegionsAsync(new DescribeRegionsRequest());

        var region = response.Regions.Single();
        Assert.That((region.RegionName, region.Endpoint, region.OptInStatus), Is.EqualTo(("cyclades-1", _host.Endpoint.Authority, "opt-in-not-required")));
        Assert.That(response.ResponseMetadata.RequestId, Is.Not.Empty);
    }

    [Test]
    public async Task An_empty_list_sent_as_a_bare_name_means_not_given()
    {
        using var client = _host.CreateClient(TestUser.Bob);

        var response = await client.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneNames = [] });

        Assert.That(response.AvailabilityZones.Select(z => z.ZoneName), Is.EqualTo(new[] { "simulated" }));
        Assert.That(response.AvailabilityZones[0].State.Value, Is.EqualTo("available"));
    }

    [Test]
    public async Task Filters_with_wildcards_select_regions()
    {
        using var client = _host.CreateClient(TestUser.Alice);

        var hit = await client.DescribeRegionsAsync(new DescribeRegionsRequest { Filters = [new Filter("region-name", ["cyc*"])] });
        var miss = await client.DescribeRegionsAsync(new DescribeRegionsRequest { Filters = [new Filter("region-name", ["us-*", "eu-?"])] });

        Assert.That(hit.Regions, Has.Count.EqualTo(1));
        Assert.That(miss.Regions ?? [], Is.Empty);
    }

    private static IEnumerable<TestCaseData> Failures()
    {
        yield return new TestCaseData(TestUser.Alice.WithWrongSecret(), new DescribeRegionsRequest(), "SignatureDoesNotMatch", HttpStatusCode.Forbidden)
            .SetName("A wrong secret is SignatureDoesNotMatch (403)");
        yield return new TestCaseData(TestUser.Unknown, new DescribeRegionsRequest(), "AuthFailure", HttpStatusCode.Unauthorized)
            .SetName("An unknown key is AuthFailure (401)");
        yield return new TestCaseData(TestUser.Alice, new DescribeRegionsRequest { DryRun = true }, "DryRunOperation", HttpStatusCode.PreconditionFailed)
            .SetName("DryRun is DryRunOperation (412)");
        yield return new TestCaseData(TestUser.Alice, new DescribeRegionsRequest { RegionNames = ["mars-1"] }, "InvalidParameterValue", HttpStatusCode.BadRequest)
            .SetName("An unknown region is InvalidParameterValue (400)");
    }

    [TestCaseSource(nameof(Failures))]
    public async Task Errors_reach_the_sdk_with_their_code_and_status(TestUser user, DescribeRegionsRequest request, string code, HttpStatusCode status)
    {
        using var client = _host.CreateClient(user);

        var error = (await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeRegionsAsync(request)))!;

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, status)), error.Message);
        Assert.That(error.RequestId, Is.Not.Empty);
    }

    [Test]
    public async Task An_action_not_implemented_yet_is_unsupported_operation()
    {
        using var client = _host.CreateClient(TestUser.Alice);

        var error = (await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest())))!;

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("UnsupportedOperation", HttpStatusCode.BadRequest)));
    }
}
