using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>The DescribeAddresses filters (with <c>tag:&lt;key&gt;</c>), <c>domain</c> included as Ansible still sends it.</summary>
public static class AddressFilters
{
    public static readonly Ec2FilterSet<AddressItem> Set = new Ec2FilterSet<AddressItem>()
        .Add("allocation-id", a => a.AllocationId)
        .Add("association-id", a => a.AssociationId)
        .Add("domain", a => a.Domain)
        .Add("instance-id", a => a.InstanceId)
        .Add("network-border-group", a => a.NetworkBorderGroup)
        .Add("network-interface-id", a => a.NetworkInterfaceId)
        .Add("network-interface-owner-id", a => a.NetworkInterfaceOwnerId)
        .Add("private-ip-address", a => a.PrivateIpAddress)
        .Add("public-ip", a => a.PublicIp)
        .AddEach("tag-key", a => a.Tags.Select(t => t.Key));
}
