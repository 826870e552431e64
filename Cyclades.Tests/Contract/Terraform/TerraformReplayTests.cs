using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Walkthrough;

namespace Cyclades.Tests.Contract.Terraform;

/// <summary>terraform-provider-aws's <c>aws_instance</c> create → read → refresh → destroy (<see cref="TerraformInstanceReplay"/>) on the simulated cluster.</summary>
[Category("Contract")]
public sealed class TerraformReplayTests : ComputeFixture
{
    [Test]
    public Task An_aws_instance_is_created_read_refreshed_and_destroyed() =>
        new TerraformInstanceReplay(Host, TestUser.Alice, ComputeHost.Image, ComputeHost.Type).CreateRefreshDestroyAsync();
}

/// <summary>
/// The same replay on the real Ganeti test cluster (<c>source &lt;(scripts/ganeti-test-cluster env)</c>), the host
/// configured like <c>appsettings.GanetiTest.json</c>. Without the cluster: ignored on a developer machine, a failure in CI.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class TerraformReplayOnGanetiTests
{
    private GanetiTestHost _cluster = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _cluster = await GanetiTestHost.StartAsync("tf");

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    public Task An_aws_instance_is_created_read_refreshed_and_destroyed() =>
        new TerraformInstanceReplay(_cluster.Host, TestUser.Alice, CliWalkthrough.Image, "t2.micro").CreateRefreshDestroyAsync();
}
