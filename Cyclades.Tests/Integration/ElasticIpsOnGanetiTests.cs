using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Walkthrough;
using InstanceIds = Cyclades.Ec2Api.Actions.Instances.InstanceIds;

namespace Cyclades.Tests.Integration;

/// <summary>
/// Elastic IPs through the EC2 API (AWSSDK.EC2) on the host configured for the real Ganeti test cluster: an
/// association is a NIC with that address on the public Ganeti network of the instance on the node, and an
/// administrator's NIC added on the node shows up through EC2 as the owner's address, counted in his quota
/// (a quota of one address: the next AllocateAddress is refused).
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class ElasticIpsOnGanetiTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private GanetiTestHost _cluster = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _cluster = await GanetiTestHost.StartAsync("eip", new Dictionary<string, string?> { ["Cyclades:Quotas:Default:FloatingIps"] = "1" });

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    public async Task An_associated_address_is_a_nic_on_the_node_and_an_administrators_nic_is_the_owners_counted_address()
    {
        var cluster = GanetiTestCluster.Instance;
        using var ec2 = _cluster.Host.CreateClient(TestUser.Alice);
        var instanceId = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-00000001", InstanceType = "t2.micro", MinCount = 1, MaxCount = 1,
        })).Reservation.Instances.Single().InstanceId;
        try
        {
            Assert.That(InstanceIds.TryParse(instanceId, out var serverId));
            var name = $"{_cluster.Prefix}-{serverId}";
            await Eventually.HoldsAsync(async () => (await InstanceAsync(ec2, instanceId)).State.Name == InstanceStateName.Running, "running", Wait, Poll);

            var allocation = await ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
            var association = await ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = allocation.AllocationId, InstanceId = instanceId });
            await Eventually.HoldsAsync(async () => (await NodeNicsAsync(name)).Contains((allocation.PublicIp, cluster.Network)),
                "the instance has a NIC with the address on the public Ganeti network", Wait, Poll);
            Assert.That((await InstanceAsync(ec2, instanceId)).PublicIpAddress, Is.EqualTo(allocation.PublicIp));

            await ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = association.AssociationId });
            await Eventually.HoldsAsync(async () => !(await NodeNicsAsync(name)).Any(nic => nic.Ip == allocation.PublicIp), "the NIC is gone", Wait, Poll);
            await ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocation.AllocationId });

            var before = (await NodeNicsAsync(name)).Select(nic => nic.Ip).ToHashSet();
            await cluster.OnNodeAsync("gnt-instance", "modify", "--net", $"add:network={cluster.Network},ip=pool", name);
            var added = (await NodeNicsAsync(name)).Select(nic => nic.Ip).Single(ip => !before.Contains(ip));
            // The SDK leaves the list null while the caller has no address, until the dispatcher adopts the NIC.
            await Eventually.HoldsAsync(async () => ((await ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses ?? [])
                    .Any(a => a.PublicIp == added && a.InstanceId == instanceId),
                "the administrator's NIC is the owner's Elastic IP, associated with the instance", Wait, Poll);
            Assert.That((await InstanceAsync(ec2, instanceId)).NetworkInterfaces.Select(eni => eni.PrivateIpAddress), Does.Contain(added));
            var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }));
            Assert.That(refused!.ErrorCode, Is.EqualTo("AddressLimitExceeded"), "the adopted address counts in the quota of one");
        }
        finally
        {
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] });
        }
    }

    private static async Task<Instance> InstanceAsync(AmazonEC2Client ec2, string instanceId) =>
        (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] })).Reservations.Single().Instances.Single();

    /// <summary>The instance's NICs on the cluster as (address, Ganeti network), as its RAPI reports them.</summary>
    private static async Task<IReadOnlyList<(string? Ip, string? Network)>> NodeNicsAsync(string instanceName)
    {
        using var client = GanetiTestCluster.Instance.CreateClient();
        var instance = await client.Instances.GetAsync(instanceName, CancellationToken.None);
        return (instance.NicIps ?? []).Zip(instance.NicNetworkNames ?? [], (ip, network) => (ip, network)).ToList();
    }
}
