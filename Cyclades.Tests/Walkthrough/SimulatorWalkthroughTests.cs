using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Walkthrough;

/// <summary>The CLI walkthrough on the embedded default's simulated cluster: AWS CLI v2 all of it, v1 the common part.</summary>
[Category("Contract")]
public sealed class SimulatorWalkthroughTests
{
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _host = await ComputeHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    private CliWalkthrough Walkthrough(AwsCli cli) => new(_host, cli, TestUser.Alice, "t2.micro", "t2.small", "t2.micro");

    [Test]
    public Task Aws_cli_v2_from_launch_to_termination() => Walkthrough(AwsCli.V2).RunAllAsync();

    [Test]
    public Task Aws_cli_v1_launch_wait_find_stop_terminate() => Walkthrough(AwsCli.V1).RunSubsetAsync();

    [TestCaseSource(typeof(AwsCli), nameof(AwsCli.Both))]
    public Task Both_clis_follow_pages_of_five(AwsCli cli) => Walkthrough(cli).PagesAcrossAReservationAsync();

    [Test]
    public Task A_failed_launch_fails_the_wait_at_once_and_terminate_frees_its_quota() => Walkthrough(AwsCli.V2).FailedLaunchAsync();
}
