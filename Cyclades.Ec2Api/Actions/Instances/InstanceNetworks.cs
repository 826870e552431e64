using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Addresses;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// The ports (NICs) of the servers on a page, as EC2 network interfaces: each in its subnet and VPC
/// (a public subnet shows in the caller's default VPC), with its security groups and the Elastic IP it
/// carries. One read per page, whatever its size (the ports with their networks and groups), and a second
/// (the caller's floating IPs) only when some instance has more than one interface: a floating IP's
/// interface is never an instance's primary.
/// </summary>
public sealed class InstanceNetworks(SecurityGroupService groups, FloatingIpService floatingIps, IOptions<Ec2ApiOptions> options)
{
    public async Task<InstanceNetworkFacts> ForAsync(Ec2Caller caller, IReadOnlyList<ServerView> servers, CancellationToken cancellationToken)
    {
        if (servers.Count == 0)
        {
            return InstanceNetworkFacts.None;
        }
        var ports = await groups.PortsOfServersAsync(caller.LogicUserId(), servers.Select(v => v.Server.Id).ToList(), cancellationToken);
        var carried = ports.Any(p => p.Any(port => port.Port.DeviceIndex > 0))
            ? (await floatingIps.ListAsync(caller.LogicUserId(), null, cancellationToken)).Where(f => f.PortId is not null).ToDictionary(f => f.PortId!.Value)
            : new Dictionary<long, FloatingIp>();
        return new InstanceNetworkFacts(ports, caller.OwnerId, options.Value.Region) { FloatingIps = carried };
    }
}

/// <summary>What <see cref="InstanceNetworks"/> read for one page.</summary>
/// <param name="ports">The ports of each server by server id, in device index order.</param>
public sealed class InstanceNetworkFacts(ILookup<long, ServerPort> ports, string ownerId, string region)
{
    public static readonly InstanceNetworkFacts None = new(Array.Empty<ServerPort>().ToLookup(p => 0L), "", "");

    // A page's ports share a few subnets, networks and groups: each one's id (and group item) is made once a page.
    private readonly Dictionary<long, string> _subnetIds = [];
    private readonly Dictionary<long, string> _vpcIds = [];
    private readonly Dictionary<PortGroup, GroupIdentifierItem> _groups = [];

    /// <summary>The Elastic IP each port carrying one holds, by port id.</summary>
    public IReadOnlyDictionary<long, FloatingIp> FloatingIps { get; init; } = new Dictionary<long, FloatingIp>();

    /// <summary>The server's interfaces by device index.</summary>
    public IReadOnlyList<InstanceNetworkInterfaceItem> InterfacesOf(long serverId) => ports[serverId].Select(Interface).ToList();

    private InstanceNetworkInterfaceItem Interface(ServerPort serverPort)
    {
        var port = serverPort.Port;
        var dnsName = InstanceRenderer.PrivateDnsName(port.Address, region);
        return new InstanceNetworkInterfaceItem
        {
            NetworkInterfaceId = NetworkInterfaceIds.Of(port.Id),
            SubnetId = Cached(_subnetIds, port.SubnetId, SubnetIds.Of),
            VpcId = Cached(_vpcIds, serverPort.NetworkId, VpcIds.Of),
            Description = port.Description,
            OwnerId = ownerId,
            MacAddress = port.Mac,
            PrivateIpAddress = port.Address,
            PrivateDnsName = dnsName,
            SourceDestCheck = port.SourceDestCheck,
            Groups = serverPort.Groups.Select(g => Cached(_groups, g, SecurityGroupIds.ItemOf)).ToList(),
            Association = FloatingIps.TryGetValue(port.Id, out var floatingIp)
                ? new InstanceNetworkInterfaceAssociationItem
                {
                    PublicIp = floatingIp.Address,
                    IpOwnerId = ownerId,
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

    private static T Cached<TKey, T>(Dictionary<TKey, T> made, TKey key, Func<TKey, T> make)
        where TKey : notnull
    {
        if (!made.TryGetValue(key, out var value))
        {
            made[key] = value = make(key);
        }
        return value;
    }
}
