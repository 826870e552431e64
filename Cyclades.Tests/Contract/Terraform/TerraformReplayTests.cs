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
    private Ec2ApiHost _host = null!;
    private string _prefix = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        var cluster = GanetiTestCluster.Instance;
        _prefix = "tf" + Guid.NewGuid().ToString("N")[..8];
        _host = await GanetiTestSettings.StartHostAsync(cluster, _prefix);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_host is null)
        {
            return;
        }
        await _host.DisposeAsync();
        await GanetiTestCluster.Instance.RemoveInstancesWithPrefixAsync(_prefix);
    }

    [Test]
    public Task An_aws_instance_is_created_read_refreshed_and_destroyed() =>
        new TerraformInstanceReplay(_host, TestUser.Alice, CliWalkthrough.Image, "t2.micro").CreateRefreshDestroyAsync();
}
