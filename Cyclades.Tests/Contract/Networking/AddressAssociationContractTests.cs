using System.Net;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;
using Filter = Amazon.EC2.Model.Filter;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>
/// Elastic IPs associated with instances (Synnefo's floating IPs: an extra NIC holding the address) and
/// network interfaces attached to and detached from instances, through AWSSDK.EC2 and boto3 against the
/// simulated cluster, which applies each NIC change through the dispatcher as Ganeti would.
/// </summary>
public sealed class AddressAssociationContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cyclades:Quotas:Default:FloatingIps"] = "100" };

    private async Task<Address> DescribeAddressAsync(string allocationId) =>
        (await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocationId] })).Addresses.Single();

    private async Task<NetworkInterface> DescribeInterfaceAsync(string id) =>
        (await Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] })).NetworkInterfaces.Single();

    private async Task<NetworkInterface> WaitForAttachmentAsync(string id, string status)
    {
        NetworkInterface eni = null!;
        await Eventually.HoldsAsync(async () => (eni = await DescribeInterfaceAsync(id)).Attachment?.Status?.Value == status,
            () => $"{id}: {eni?.Status?.Value} {eni?.Attachment?.Status?.Value}", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        return eni;
    }

    [Test]
    public async Task An_associated_address_is_the_instances_public_address_through_stop_and_start_until_disassociated()
    {
        var instanceId = (await Alice.RunningAsync()).Single();
        var address = await Alice.AllocateAddressAsync(new AllocateAddressRequest { Domain = Amazon.EC2.DomainType.Vpc });

        var associated = await Alice.AssociateAddressAsync(new AssociateAddressRequest
        {
            AllocationId = address.AllocationId, InstanceId = instanceId, AllowReassociation = false,
        });
        var again = await Host.Boto3Async(TestUser.Alice, "associate_address", new { AllocationId = address.AllocationId, InstanceId = instanceId });
        var described = await DescribeAddressAsync(address.AllocationId);
        var instance = await Alice.DescribeOneAsync(instanceId);
        var carrier = instance.NetworkInterfaces.Single(n => n.Attachment.DeviceIndex > 0);
        var eni = await DescribeInterfaceAsync(described.NetworkInterfaceId);
        var byIp = await Alice.ListAsync(new Filter("ip-address", [address.PublicIp]));
        var byAssociation = await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter("association-id", [associated.AssociationId])] });

        Assert.That(associated.AssociationId, Does.Match("^eipassoc-[0-9a-f]{17}$"));
        Assert.That(again.GetProperty("AssociationId").GetString(), Is.EqualTo(associated.AssociationId), "the same instance again is the same association");
        Assert.That((described.AssociationId, described.InstanceId, described.PrivateIpAddress), Is.EqualTo((associated.AssociationId, instanceId, address.PublicIp)));
        Assert.That(instance.PublicIpAddress, Is.EqualTo(address.PublicIp));
        Assert.That((carrier.NetworkInterfaceId, carrier.Association.PublicIp), Is.EqualTo((described.NetworkInterfaceId, address.PublicIp)));
        Assert.That((eni.Association.AllocationId, eni.Association.AssociationId, eni.Association.PublicIp, eni.Attachment.InstanceId),
            Is.EqualTo((address.AllocationId, associated.AssociationId, address.PublicIp, instanceId)));
        Assert.That(byIp.Select(i => i.InstanceId), Is.EqualTo(new[] { instanceId }));
        Assert.That(byAssociation.Addresses.Single().AllocationId, Is.EqualTo(address.AllocationId));

        await Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] });
        var stopped = (await Alice.WaitForAsync("stopped", instanceId)).Single();
        await Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instanceId] });
        var started = (await Alice.WaitForAsync("running", instanceId)).Single();
        Assert.That((stopped.PublicIpAddress, started.PublicIpAddress), Is.EqualTo((address.PublicIp, address.PublicIp)));

        await Host.Boto3Async(TestUser.Alice, "disassociate_address", new { AssociationId = associated.AssociationId });
        var after = await DescribeAddressAsync(address.AllocationId);
        var instanceAfter = await Alice.DescribeOneAsync(instanceId);
        var gone = await FailsAsync(() => Alice.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = associated.AssociationId }));
        var carrierGone = await FailsAsync(() => DescribeInterfaceAsync(described.NetworkInterfaceId));

        Assert.That((after.AssociationId, after.InstanceId, after.NetworkInterfaceId), Is.EqualTo(((string?)null, (string?)null, (string?)null)));
        Assert.That(instanceAfter.PublicIpAddress, Is.Null);
        Assert.That(instanceAfter.NetworkInterfaces, Has.Count.EqualTo(1));
        Assert.That((gone.ErrorCode, gone.Message), Is.EqualTo(("InvalidAssociationID.NotFound", $"The association ID '{associated.AssociationId}' does not exist")));
        Assert.That(carrierGone.ErrorCode, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        await Alice.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = address.AllocationId });
    }

    [Test]
    public async Task The_association_filters_find_the_instance_that_carries_the_address()
    {
        var (instanceId, bare) = (await Alice.RunningAsync(2)) is [var first, var second] ? (first, second) : throw new InvalidOperationException();
        var address = await Alice.AllocateAddressAsync(new AllocateAddressRequest { Domain = Amazon.EC2.DomainType.Vpc });
        var associated = await Alice.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = address.AllocationId, InstanceId = instanceId });
        var ownerId = (await Alice.DescribeOneAsync(instanceId)).NetworkInterfaces[0].OwnerId;

        Task<IReadOnlyList<string?>> FoundAsync(string filter, string value) => Host.Boto3InstanceIdsAsync(TestUser.Alice, filter, value);

        Assert.That((await Alice.ListAsync(new Filter("network-interface.association.public-ip", [address.PublicIp]))).Select(i => i.InstanceId),
            Is.EqualTo(new[] { instanceId }));
        Assert.That(await FoundAsync("network-interface.association.allocation-id", address.AllocationId), Is.EqualTo(new[] { instanceId }));
        Assert.That(await FoundAsync("network-interface.association.association-id", associated.AssociationId), Is.EqualTo(new[] { instanceId }));
        Assert.That(await FoundAsync("network-interface.association.ip-owner-id", ownerId), Does.Contain(instanceId).And.Not.Contain(bare));
        Assert.That(await FoundAsync("network-interface.association.allocation-id", "eipalloc-0000000000000dead"), Is.Empty);

        await Alice.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = associated.AssociationId });
        Assert.That(await FoundAsync("network-interface.association.public-ip", address.PublicIp), Is.Empty);
        await Alice.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = address.AllocationId });
    }

    [Test]
    public async Task Moving_an_address_to_another_instance_needs_AllowReassociation()
    {
        var ids = await Alice.RunningAsync(2);
        var address = await Alice.AllocateAddressAsync(new AllocateAddressRequest());
        var first = await Alice.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = address.AllocationId, InstanceId = ids[0] });

        var refused = await Host.Boto3ErrorAsync(TestUser.Alice, "associate_address",
            new { AllocationId = address.AllocationId, InstanceId = ids[1], AllowReassociation = false });
        var releaseInUse = await FailsAsync(() => Alice.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = address.AllocationId }));
        var moved = await Alice.AssociateAddressAsync(new AssociateAddressRequest
        {
            AllocationId = address.AllocationId, InstanceId = ids[1], AllowReassociation = true,
        });
        var instances = await Alice.DescribeAsync(ids);

        Assert.That((refused.Code, refused.Status, refused.Message), Is.EqualTo(("Resource.AlreadyAssociated", 400,
            $"resource {address.AllocationId} is already associated with associate-id {first.AssociationId}")));
        Assert.That(releaseInUse.ErrorCode, Is.EqualTo("InvalidIPAddress.InUse"));
        Assert.That(moved.AssociationId, Is.Not.EqualTo(first.AssociationId), "a new association, never an old id again");
        Assert.That(instances.Select(i => i.PublicIpAddress), Is.EqualTo(new[] { null, address.PublicIp }));
        Assert.That((await DescribeAddressAsync(address.AllocationId)).InstanceId, Is.EqualTo(ids[1]));
    }

    [Test]
    public async Task An_address_associates_through_an_attached_interface_but_not_a_detached_one()
    {
        var instance = await Alice.DescribeOneAsync((await Alice.RunningAsync()).Single());
        var address = await Alice.AllocateAddressAsync(new AllocateAddressRequest());
        var detached = (await Alice.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = instance.SubnetId })).NetworkInterface;

        var refused = await FailsAsync(() => Alice.AssociateAddressAsync(new AssociateAddressRequest
        {
            AllocationId = address.AllocationId, NetworkInterfaceId = detached.NetworkInterfaceId,
        }));
        var wrongAddress = await FailsAsync(() => Alice.AssociateAddressAsync(new AssociateAddressRequest
        {
            AllocationId = address.AllocationId, NetworkInterfaceId = instance.NetworkInterfaces.Single().NetworkInterfaceId, PrivateIpAddress = "192.0.2.1",
        }));
        var associated = await Host.Boto3Async(TestUser.Alice, "associate_address", new
        {
            AllocationId = address.AllocationId, NetworkInterfaceId = instance.NetworkInterfaces.Single().NetworkInterfaceId,
        });

        Assert.That(refused.ErrorCode, Is.EqualTo("UnsupportedOperation"));
        Assert.That(wrongAddress.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(associated.GetProperty("AssociationId").GetString(), Does.StartWith("eipassoc-"));
        Assert.That((await Alice.DescribeOneAsync(instance.InstanceId)).PublicIpAddress, Is.EqualTo(address.PublicIp));
    }

    [Test]
    public async Task Bad_association_requests_get_AWS_codes_and_another_users_things_are_not_found()
    {
        var instanceId = (await Alice.RunningAsync()).Single();
        var address = await Alice.AllocateAddressAsync(new AllocateAddressRequest());
        using var bob = Host.CreateClient(TestUser.Bob);
        var bobs = await bob.AllocateAddressAsync(new AllocateAddressRequest());

        var noTarget = await FailsAsync(() => Alice.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = address.AllocationId }));
        var both = await Host.Boto3ErrorAsync(TestUser.Alice, "associate_address", new
        {
            AllocationId = address.AllocationId, InstanceId = instanceId, NetworkInterfaceId = "eni-0000000000000dead",
        });
        var unknown = await FailsAsync(() => Alice.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = "eipalloc-0000000000000dead", InstanceId = instanceId }));
        var bobsAddress = await FailsAsync(() => Alice.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = bobs.AllocationId, InstanceId = instanceId }));
        var alicesInstance = await FailsAsync(() => bob.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = bobs.AllocationId, InstanceId = instanceId }));
        var dryRun = await FailsAsync(() => Alice.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = address.AllocationId, InstanceId = instanceId, DryRun = true }));
        var unknownAssociation = await Host.Boto3ErrorAsync(TestUser.Alice, "disassociate_address", new { AssociationId = "eipassoc-0000000000000dead" });
        var associated = await Alice.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = address.AllocationId, InstanceId = instanceId });
        var bobDisassociates = await FailsAsync(() => bob.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = associated.AssociationId }));
        var dryDisassociate = await FailsAsync(() => Alice.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = associated.AssociationId, DryRun = true }));

        Assert.That((noTarget.ErrorCode, noTarget.StatusCode), Is.EqualTo(("MissingParameter", HttpStatusCode.BadRequest)));
        Assert.That(both.Code, Is.EqualTo("InvalidParameterCombination"));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidAllocationID.NotFound"));
        Assert.That(bobsAddress.ErrorCode, Is.EqualTo("InvalidAllocationID.NotFound"));
        Assert.That(alicesInstance.ErrorCode, Is.EqualTo("InvalidInstanceID.NotFound"));
        Assert.That((dryRun.ErrorCode, dryRun.StatusCode), Is.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That(unknownAssociation.Code, Is.EqualTo("InvalidAssociationID.NotFound"));
        Assert.That(bobDisassociates.ErrorCode, Is.EqualTo("InvalidAssociationID.NotFound"));
        Assert.That(dryDisassociate.ErrorCode, Is.EqualTo("DryRunOperation"));
        Assert.That((await DescribeAddressAsync(address.AllocationId)).AssociationId, Is.EqualTo(associated.AssociationId));
    }

    [Test]
    public async Task An_interface_attaches_to_a_running_instance_and_detaches_back_to_available()
    {
        var instance = await Alice.DescribeOneAsync((await Alice.RunningAsync()).Single());
        var eni = (await Alice.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = instance.SubnetId })).NetworkInterface;
        var other = (await Alice.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = instance.SubnetId })).NetworkInterface;

        var attached = await Alice.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, InstanceId = instance.InstanceId, DeviceIndex = 1,
        });
        var inUse = await WaitForAttachmentAsync(eni.NetworkInterfaceId, "attached");
        var shown = await Alice.DescribeOneAsync(instance.InstanceId);
        var again = await FailsAsync(() => Alice.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, InstanceId = instance.InstanceId, DeviceIndex = 2,
        }));
        var indexTaken = await Host.Boto3ErrorAsync(TestUser.Alice, "attach_network_interface",
            new { NetworkInterfaceId = other.NetworkInterfaceId, InstanceId = instance.InstanceId, DeviceIndex = 1 });
        var delete = await FailsAsync(() => Alice.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        var primary = await Host.Boto3ErrorAsync(TestUser.Alice, "detach_network_interface",
            new { AttachmentId = instance.NetworkInterfaces.Single().Attachment.AttachmentId });
        var unknown = await FailsAsync(() => Alice.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = "eni-attach-0000000000000dead" }));

        Assert.That(attached.AttachmentId, Is.EqualTo("eni-attach-" + eni.NetworkInterfaceId["eni-".Length..]));
        Assert.That((inUse.Status.Value, inUse.Attachment.InstanceId, inUse.Attachment.DeviceIndex, inUse.Attachment.AttachmentId),
            Is.EqualTo(("in-use", instance.InstanceId, (int?)1, attached.AttachmentId)));
        Assert.That(shown.NetworkInterfaces.Select(n => (n.NetworkInterfaceId, n.Attachment.DeviceIndex)),
            Is.EqualTo(new[] { (instance.NetworkInterfaces.Single().NetworkInterfaceId, (int?)0), (eni.NetworkInterfaceId, (int?)1) }));
        Assert.That(again.ErrorCode, Is.EqualTo("InvalidNetworkInterface.InUse"));
        Assert.That(indexTaken.Code, Is.EqualTo("InvalidParameterValue"));
        Assert.That(delete.ErrorCode, Is.EqualTo("InvalidNetworkInterface.InUse"));
        Assert.That((primary.Code, primary.Message),
            Is.EqualTo(("OperationNotPermitted", "The network interface at device index 0 and networkCard index 0 cannot be detached.")));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidAttachmentID.NotFound"));

        await Host.Boto3Async(TestUser.Alice, "detach_network_interface", new { AttachmentId = attached.AttachmentId, Force = false });
        await Host.Boto3WaitAsync(TestUser.Alice, "network_interface_available", new { NetworkInterfaceIds = new[] { eni.NetworkInterfaceId } });
        var available = await DescribeInterfaceAsync(eni.NetworkInterfaceId);
        Assert.That((available.Status.Value, available.Attachment), Is.EqualTo(("available", (NetworkInterfaceAttachment?)null)));
        Assert.That(available.PrivateIpAddress, Is.EqualTo(eni.PrivateIpAddress), "a detached interface keeps its address");
        Assert.That((await Alice.DescribeOneAsync(instance.InstanceId)).NetworkInterfaces, Has.Count.EqualTo(1));
        await Alice.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
    }
}
