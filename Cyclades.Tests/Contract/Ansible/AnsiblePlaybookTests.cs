using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Walkthrough;

namespace Cyclades.Tests.Contract.Ansible;

/// <summary>
/// Debian's ansible (amazon.aws 5.5.1) on the simulated cluster: the networking playbook (issue 15) as Alice, the storage
/// playbook (issue 16) as Bob, so that each one's "usage back to zero" is its own.
/// The networking test needs the branches vpc (default VPC, CreateVpc/CreateSubnet), sg (security groups on the networks
/// model, ModifyInstanceAttribute GroupId.N, launch groups in the instance's groupSet) and eip; the storage test needs vpc
/// (ec2_instance looks up the default VPC and subnet), volops/volcore (EC2 volume actions, RunInstances TagSpecification for
/// volume, which ec2_instance always sends) and images (CreateImage with a snapshot TagSpecification, DescribeImageAttribute
/// productCodes, DescribeImages of a just deregistered image answering an empty set). Both fail on main until then.
/// </summary>
[Category("Contract")]
public sealed class AnsiblePlaybookTests : ComputeFixture
{
    [Test]
    public Task Networking_playbook_builds_is_idempotent_and_tears_down() =>
        new AnsibleAcceptance(Host, TestUser.Alice, ComputeHost.Image, ComputeHost.Type).NetworkingAsync();

    [Test]
    public Task Storage_playbook_manages_volumes_and_makes_an_image() =>
        new AnsibleAcceptance(Host, TestUser.Bob, ComputeHost.Image, ComputeHost.Type).StorageAsync();
}

/// <summary>
/// The same playbooks on the real Ganeti test cluster (<c>source &lt;(scripts/ganeti-test-cluster env)</c>), the host
/// configured like <c>appsettings.GanetiTest.json</c>. Without the cluster: ignored on a developer machine, a failure in CI.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class AnsiblePlaybookOnGanetiTests
{
    private GanetiTestHost _cluster = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _cluster = await GanetiTestHost.StartAsync("ans");

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    public Task Networking_playbook_builds_is_idempotent_and_tears_down() =>
        new AnsibleAcceptance(_cluster.Host, TestUser.Alice, CliWalkthrough.Image, "t2.micro").NetworkingAsync();

    /// <summary>On an instance type with a file disk: Ganeti cannot add a disk to a diskless instance (t2.micro here).</summary>
    [Test]
    public Task Storage_playbook_manages_volumes_and_makes_an_image() =>
        new AnsibleAcceptance(_cluster.Host, TestUser.Bob, CliWalkthrough.Image, "m1.small").StorageAsync();
}
