using Cyclades.Ec2Api.Actions.Addresses;
using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Networks;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>
/// The caller's network interfaces (the core's ports) by EC2 id, and as EC2 shows them: each in its
/// subnet, VPC and availability zone, with its groups, tags, attachment and the Elastic IP it carries.
/// Another user's interface is as unknown as one that never was.
/// </summary>
public sealed class NetworkInterfaceLookup(
    NetworkQueries networks, SecurityGroupService groups, FloatingIpService floatingIps, TagService tags, IOptions<Ec2ApiOptions> options)
{
    /// <summary>All the caller's ports, or exactly those named (the first unknown one is the error).</summary>
    /// <exception cref="Ec2Exception"><c>InvalidNetworkInterfaceID.Malformed</c> / <c>.NotFound</c>.</exception>
    public async Task<IReadOnlyList<Port>> ListAsync(Ec2Caller caller, IReadOnlyList<string> interfaceIds, CancellationToken cancellationToken)
    {
        var ids = interfaceIds.Select(NetworkInterfaceIds.Parse).ToList();
        var found = await networks.ListPortsAsync(caller.LogicUserId(), ids.Count == 0 ? null : ids, cancellationToken);
        if (interfaceIds.FirstOrDefault(id => found.All(p => NetworkInterfaceIds.Of(p.Id) != id)) is { } missing)
        {
            throw Ec2Errors.InvalidNetworkInterfaceIdNotFound(missing);
        }
        return found;
    }

    public async Task<Port> RequireAsync(Ec2Caller caller, string interfaceId, CancellationToken cancellationToken) =>
        (await ListAsync(caller, [interfaceId], cancellationToken)).Single();

    public async Task<IReadOnlyList<NetworkInterfaceItem>> RenderAsync(Ec2Caller caller, IReadOnlyList<Port> ports, CancellationToken cancellationToken)
    {
        if (ports.Count == 0)
        {
            return [];
        }
        var userId = caller.LogicUserId();
        var portIds = ports.Select(p => p.Id).ToList();
        var subnets = (await networks.ListSubnetsAsync(userId, ports.Select(p => p.SubnetId).Distinct().ToList(), cancellationToken))
            .ToDictionary(s => s.Subnet.Id);
        var groupsOf = await groups.GroupsOfPortsAsync(userId, portIds, cancellationToken);
        var tagsOf = await tags.ListForAsync(userId, TaggedResourceType.Port, portIds.Select(NetworkInterfaceIds.Key).ToList(), cancellationToken);
        var carried = (await floatingIps.ListAsync(userId, null, cancellationToken))
            .Where(f => f.PortId is not null)
            .ToDictionary(f => f.PortId!.Value);
        return ports
            .Where(p => subnets.ContainsKey(p.SubnetId))
            .Select(p => Render(caller, p, subnets[p.SubnetId], groupsOf[p.Id], tagsOf[NetworkInterfaceIds.Key(p.Id)], carried.GetValueOrDefault(p.Id)))
            .ToList();
    }

    /// <summary>The attachment's state until the cluster has the NIC (a launch's primary interface too, while its instance is made).</summary>
    public const string Attaching = "attaching";

    public static long IdOf(NetworkInterfaceItem item) => NetworkInterfaceIds.TryParse(item.NetworkInterfaceId, out var id) ? id : 0;

    private NetworkInterfaceItem Render(
        Ec2Caller caller, Port port, SubnetView subnet, IEnumerable<SecurityGroup> portGroups, IEnumerable<Tag> portTags, FloatingIp? floatingIp)
    {
        var region = options.Value.Region;
        var dnsName = InstanceRenderer.PrivateDnsName(port.Address, region);
        var association = floatingIp is null
            ? null
            : new NetworkInterfaceAssociationItem
            {
                PublicIp = floatingIp.Address,
                IpOwnerId = caller.OwnerId,
                AllocationId = AddressIds.Of(floatingIp.Id),
                AssociationId = AddressViews.AssociationIdOf(port.Id),
            };
        return new NetworkInterfaceItem
        {
            NetworkInterfaceId = NetworkInterfaceIds.Of(port.Id),
            SubnetId = SubnetIds.Of(port.SubnetId),
            VpcId = VpcIds.Of(subnet.NetworkId),
            AvailabilityZone = subnet.BackendName,
            AvailabilityZoneId = AvailabilityZoneCatalog.IdOf(region, subnet.Subnet.BackendId),
            Description = port.Description,
            OwnerId = caller.OwnerId,
            Status = port.ServerId is null ? NetworkInterfaceItem.Available : NetworkInterfaceItem.InUse,
            MacAddress = port.Mac,
            PrivateIpAddress = port.Address,
            PrivateDnsName = dnsName,
            SourceDestCheck = port.SourceDestCheck,
            Groups = portGroups.Select(SecurityGroupIds.ItemOf).ToList(),
            Attachment = port.ServerId is { } serverId
                ? new NetworkInterfaceAttachmentItem
                {
                    AttachmentId = NetworkInterfaceIds.AttachmentOf(port.Id),
                    InstanceId = InstanceIds.Of(serverId),
                    InstanceOwnerId = caller.OwnerId,
                    DeviceIndex = port.DeviceIndex,
                    Status = port.State == PortState.Build ? Attaching : InstanceNetworkInterfaceAttachmentItem.Attached,
                    AttachTime = port.UpdatedAt,
                    DeleteOnTermination = port.DeleteOnTermination,
                }
                : null,
            Association = association,
            PrivateIpAddresses = port.Address is { } address
                ? [new NetworkInterfacePrivateIpAddressItem { PrivateIpAddress = address, PrivateDnsName = dnsName, Association = association }]
                : [],
            Tags = TagItem.From(portTags),
        };
    }
}
