using System.Text.Json;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract;

/// <summary>AWS CLI v2 (/usr/bin/aws) and v1 (python3 -m awscli) against the real host.</summary>
[Category("Contract")]
[TestFixtureSource(typeof(AwsCli), nameof(AwsCli.Both))]
public sealed class AwsCliContractTests(AwsCli cli)
{
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _host = await Ec2ApiHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    [Test]
    public async Task Describe_regions_prints_the_region()
    {
        var result = await cli.RunAsync(_host.Endpoint, TestUser.Alice, "ec2", "describe-regions");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var region = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("Regions")[0];
        Assert.That(region.GetProperty("RegionName").GetString(), Is.EqualTo("cyclades-1"));
        Assert.That(region.GetProperty("Endpoint").GetString(), Is.EqualTo(_host.Endpoint.Authority));
    }

    [Test]
    public async Task Describe_availability_zones_with_a_filter()
    {
        var result = await cli.RunAsync(_host.Endpoint, TestUser.Bob, "ec2", "describe-availability-zones", "--filters", "Name=state,Values=available");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("AvailabilityZones")[0].GetProperty("ZoneName").GetString(), Is.EqualTo("simulated"));
    }

    [TestCaseSource(nameof(Failures))]
    public async Task Errors_are_reported_by_code(TestUser user, string[] arguments, string code)
    {
        var result = await cli.RunAsync(_host.Endpoint, user, arguments);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain($"An error occurred ({code})"), result.ToString());
    }

    private static IEnumerable<TestCaseData> Failures()
    {
        string[] describe = ["ec2", "describe-regions"];
        yield return new TestCaseData(TestUser.Alice.WithWrongSecret(), describe, "SignatureDoesNotMatch").SetArgDisplayNames("wrong secret");
        yield return new TestCaseData(TestUser.Unknown, describe, "AuthFailure").SetArgDisplayNames("unknown key");
        yield return new TestCaseData(TestUser.Alice, new[] { "ec2", "describe-regions", "--dry-run" }, "DryRunOperation").SetArgDisplayNames("dry run");
        yield return new TestCaseData(TestUser.Alice, new[] { "ec2", "describe-nat-gateways" }, "UnsupportedOperation").SetArgDisplayNames("not implemented");
        yield return new TestCaseData(TestUser.Alice, new[] { "ec2", "describe-regions", "--filters", "Name=colour,Values=red" }, "InvalidParameterValue")
            .SetArgDisplayNames("unknown filter");
    }
}
