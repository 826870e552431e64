using System.Globalization;
using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>The DescribeNetworkInterfaces filters (with <c>tag:&lt;key&gt;</c>) that mean something here.</summary>
public static class NetworkInterfaceFilters
{
    public static readonly Ec2FilterSet<NetworkInterfaceItem> Set = new Ec2FilterSet<NetworkInterfaceItem>()
        .Add("network-interface-id", n => n.NetworkInterfaceId)
        .Add("subnet-id", n => n.SubnetId)
        .Add("vpc-id", n => n.VpcId)
        .Add("availability-zone", n => n.AvailabilityZone)
        .Add("availability-zone-id", n => n.AvailabilityZoneId)
        .Add("description", n => n.Description)
        .Add("owner-id", n => n.OwnerId)
        .Add("status", n => n.Status)
        .Add("mac-address", n => n.MacAddress)
        .Add("private-ip-address", n => n.PrivateIpAddress)
        .Add("addresses.private-ip-address", n => n.PrivateIpAddress)
        .Add("addresses.primary", n => n.PrivateIpAddress is null ? null : FilterValues.Bool(true))
        .Add("private-dns-name", n => n.PrivateDnsName)
        .Add("source-dest-check", n => FilterValues.Bool(n.SourceDestCheck))
        .Add("interface-type", n => n.InterfaceType)
        .Add("requester-managed", n => FilterValues.Bool(n.RequesterManaged))
        .AddEach("group-id", n => n.Groups.Select(g => g.GroupId))
        .AddEach("group-name", n => n.Groups.Select(g => g.GroupName))
        .Add("attachment.attachment-id", n => n.Attachment?.AttachmentId)
        .Add("attachment.instance-id", n => n.Attachment?.InstanceId)
        .Add("attachment.instance-owner-id", n => n.Attachment?.InstanceOwnerId)
        .Add("attachment.device-index", n => n.Attachment?.DeviceIndex.ToString(CultureInfo.InvariantCulture))
        .Add("attachment.status", n => n.Attachment?.Status)
        .Add("attachment.delete-on-termination", n => n.Attachment is { } a ? FilterValues.Bool(a.DeleteOnTermination) : null)
        .Add("association.public-ip", n => n.Association?.PublicIp)
        .Add("addresses.association.public-ip", n => n.Association?.PublicIp)
        .Add("association.allocation-id", n => n.Association?.AllocationId)
        .Add("association.association-id", n => n.Association?.AssociationId)
        .Add("association.ip-owner-id", n => n.Association?.IpOwnerId)
        .Add("addresses.association.owner-id", n => n.Association?.IpOwnerId)
        .AddEach("tag-key", n => n.Tags.Select(t => t.Key));
}
