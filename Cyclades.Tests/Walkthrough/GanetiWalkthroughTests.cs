using Amazon.EC2.Model;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Tests.Dispatch.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Walkthrough;

/// <summary>
/// The same CLI walkthrough against the real Ganeti test cluster (<c>scripts/ganeti-test-cluster up</c>,
/// <c>CYCLADES_TEST_GANETI_*</c>), the host configured like <c>appsettings.GanetiTest.json</c>. Without the
/// cluster: ignored on a developer machine, a failure in CI.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class GanetiWalkthroughTests
{
    private GanetiTestHost _cluster = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _cluster = await GanetiTestHost.StartAsync("cw");

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private CliWalkthrough Walkthrough(AwsCli cli) => new(_cluster.Host, cli, TestUser.Alice, "t2.micro", "t2.small", "m1.small", RebootedOnTheClusterAsync);

    /// <summary>reboot-instances made Ganeti reboot each instance: one successful OP_INSTANCE_REBOOT job per instance.</summary>
    private async Task RebootedOnTheClusterAsync(IReadOnlyList<string> instanceIds)
    {
        var cluster = GanetiTestCluster.Instance;
        var names = instanceIds.Select(id => InstanceIds.TryParse(id, out var serverId) ? $"{_cluster.Prefix}-{serverId}" : throw new AssertionException($"bad id {id}")).ToList();
        foreach (var name in names)
        {
            await Eventually.HoldsAsync(async () => (await cluster.JobsOnAsync(name, GanetiOpIds.InstanceReboot)).Any(job => job.Status == GanetiJobStatuses.Success),
                $"a successful reboot job on {name}", TimeSpan.FromSeconds(90));
            Assert.That((await cluster.JobsOnAsync(name, GanetiOpIds.InstanceReboot)).Select(job => job.Status), Is.EqualTo(new[] { GanetiJobStatuses.Success }),
                $"one reboot of {name}");
        }
    }

    [Test]
    public async Task The_host_runs_on_the_real_appsettings_GanetiTest_json()
    {
        var configuration = (IConfigurationRoot)_cluster.Host.Services.GetRequiredService<IConfiguration>();
        using var client = _cluster.Host.CreateClient(TestUser.Alice);

        var images = (await client.DescribeImagesAsync(new DescribeImagesRequest())).Images;

        Assert.That(configuration.Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source.Path),
            Does.Contain("appsettings.GanetiTest.json"));
        Assert.That(images.Select(image => (image.ImageId, image.Name)), Is.SupersetOf(new[]
        {
            ("ami-00000001", "noop-default"), ("ami-00000002", "noop-slow"), ("ami-00000003", "noop-fail"),
        }));
        Assert.That(images.Single(image => image.ImageId == "ami-00000003").Description, Does.StartWith("Fails to install"),
            "the description is the file's");
    }

    [Test]
    public Task Aws_cli_v2_from_launch_to_termination() => Walkthrough(AwsCli.V2).RunAllAsync();

    [Test]
    public Task Aws_cli_v1_launch_wait_find_stop_terminate() => Walkthrough(AwsCli.V1).RunSubsetAsync();

    [Test]
    public Task A_failed_launch_fails_the_wait_at_once_and_terminate_frees_its_quota() => Walkthrough(AwsCli.V2).FailedLaunchAsync();
}
