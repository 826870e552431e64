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
    private Ec2ApiHost _host = null!;
    private string _prefix = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        var cluster = GanetiTestCluster.Instance;
        _prefix = "cw" + Guid.NewGuid().ToString("N")[..8];
        _host = await Ec2ApiHost.StartAsync(GanetiTestSettings.For(cluster, _prefix));
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_host is null)
        {
            return;
        }
        await _host.DisposeAsync();
        await GanetiTestCluster.Instance.RemoveInstancesAsync(_prefix);
    }

    private CliWalkthrough Walkthrough(AwsCli cli) => new(_host, cli, TestUser.Alice, "t2.micro", "t2.small", "m1.small");

    [Test]
    public Task Aws_cli_v2_from_launch_to_termination() => Walkthrough(AwsCli.V2).RunAllAsync();

    [Test]
    public Task Aws_cli_v1_launch_wait_find_stop_terminate() => Walkthrough(AwsCli.V1).RunSubsetAsync();

    [Test]
    public Task A_failed_launch_fails_the_wait_at_once_and_terminate_frees_its_quota() => Walkthrough(AwsCli.V2).FailedLaunchAsync();
}
