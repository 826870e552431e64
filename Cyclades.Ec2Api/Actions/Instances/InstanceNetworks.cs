using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Addresses;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// The ports (NICs) of the servers on a page, as EC2 network interfaces: each in its subnet and VPC
/// (a public subnet shows in the caller's default VPC), with its security groups and the Elastic IP it
/// carries. Three reads per page, whatever its size (the ports, their subnets' networks, their groups), and
/// a fourth (the caller's floating IPs) only when some instance has more than one interface: a floating IP's
/// interface is never an instance's primary.
/// </summary>
public sealed class InstanceNetworks(NetworkQueries networks, FloatingIpService floatingIps, InstanceSecurityGroups groups, IOptions<Ec2ApiOptions> options)
{
    public async Task<InstanceNetworkFacts> ForAsync(Ec2Caller caller, IReadOnlyList<ServerView> servers, CancellationToken cancellationToken)
    {
        if (servers.Count == 0)
        {
            return InstanceNetworkFacts.None;
        }
        var ports = await networks.PortsOfServersAsync(servers.Select(v => v.Server.Id).ToList(), cancellationToken);
        var subnetIds = ports.SelectMany(p => p.Select(port => port.SubnetId)).Distinct().ToList();
        var subnetNetworks = await networks.NetworksOfSubnetsAsync(caller.LogicUserId(), subnetIds, cancellationToken);
        var portGroups = await groups.OfPortsAsync(caller, ports.SelectMany(p => p.Select(port => port.Id)).ToList(), cancellationToken);
        var carried = ports.Any(p => p.Any(port => port.DeviceIndex > 0))
            ? (await floatingIps.ListAsync(caller.LogicUserId(), null, cancellationToken)).Where(f => f.PortId is not null).ToDictionary(f => f.PortId!.Value)
            : new Dictionary<long, FloatingIp>();
        return new InstanceNetworkFacts(ports, subnetNetworks, caller.OwnerId, options.Value.Region) { PortGroups = portGroups, FloatingIps = carried };
    }
}

/// <summary>What <see cref="InstanceNetworks"/> read for one page.</summary>
/// <param name="SubnetNetworks">The network (VPC) of each subnet the ports are on, by subnet id.</param>
public sealed record InstanceNetworkFacts(ILookup<long, Port> Ports, IReadOnlyDictionary<long, long> SubnetNetworks, string OwnerId, string Region)
{
    public static readonly InstanceNetworkFacts None = new(Array.Empty<Port>().ToLookup(p => 0L), new Dictionary<long, long>(), "", "");

    /// <summary>The security groups of each port, by port id.</summary>
    public ILookup<long, GroupIdentifierItem> PortGroups { get; init; } = Array.Empty<GroupIdentifierItem>().ToLookup(_ => 0L);

    /// <summary>The Elastic IP each port carrying one holds, by port id.</summary>
    public IReadOnlyDictionary<long, FloatingIp> FloatingIps { get; init; } = new Dictionary<long, FloatingIp>();

    /// <summary>The server's interfaces by device index; those on a subnet the caller cannot see (none should be) are left out.</summary>
    public IReadOnlyList<InstanceNetworkInterfaceItem> InterfacesOf(long serverId) =>
        Ports[serverId].OrderBy(p => p.DeviceIndex)
            .Where(p => SubnetNetworks.ContainsKey(p.SubnetId))
            .Select(Interface)
            .ToList();

    private InstanceNetworkInterfaceItem Interface(Port port)
    {
        var dnsName = InstanceRenderer.PrivateDnsName(port.Address, Region);
        return new InstanceNetworkInterfaceItem
        {
            NetworkInterfaceId = NetworkInterfaceIds.Of(port.Id),
            SubnetId = SubnetIds.Of(port.SubnetId),
            VpcId = VpcIds.Of(SubnetNetworks[port.SubnetId]),
            Description = port.Description,
            OwnerId = OwnerId,
            MacAddress = port.Mac,
            PrivateIpAddress = port.Address,
            PrivateDnsName = dnsName,
            SourceDestCheck = port.SourceDestCheck,
            Groups = PortGroups[port.Id].ToList(),
            Association = FloatingIps.TryGetValue(port.Id, out var floatingIp)
                ? new InstanceNetworkInterfaceAssociationItem
                {
                    PublicIp = floatingIp.Address,
                    IpOwnerId = OwnerId,
                    AllocationId = AddressIds.Of(floatingIp.Id),
                    AssociationId = AddressViews.AssociationIdOf(port.Id),
                }
                : null,
            Attachment = new InstanceNetworkInterfaceAttachmentItem
            {
                AttachmentId = NetworkInterfaceIds.AttachmentOf(port.Id),
                DeviceIndex = port.DeviceIndex,
                AttachTime = port.CreatedAt,
                DeleteOnTermination = port.DeleteOnTermination,
            },
            PrivateIpAddresses = port.Address is { } address
                ? [new InstancePrivateIpAddressItem { PrivateIpAddress = address, PrivateDnsName = dnsName, Primary = true }]
                : [],
        };
    }
}
