using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Networks;
using Cyclades.Logic.SecurityGroups;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>An instance's security groups: those of its network interfaces (the core's ports).</summary>
public sealed class InstanceSecurityGroups(SecurityGroupService groups, NetworkQueries networks)
{
    /// <summary>
    /// Each server's groups, as <c>groupSet</c> items: its primary port's (what RunInstances and ModifyInstanceAttribute
    /// set; an Elastic IP's extra interface, in its VPC's default group, would otherwise show up as a change to the tools).
    /// </summary>
    public async Task<ILookup<long, GroupIdentifierItem>> OfServersAsync(Ec2Caller caller, IReadOnlyCollection<long> serverIds, CancellationToken cancellationToken) =>
        (await groups.PortsOfServersAsync(caller.LogicUserId(), serverIds, cancellationToken))
            .SelectMany(server => server.Where(p => p.Port.DeviceIndex == 0))
            .SelectMany(p => p.Groups.Select(g => (Server: p.Port.ServerId!.Value, Item: SecurityGroupIds.ItemOf(g))))
            .ToLookup(x => x.Server, x => x.Item);

    /// <summary>Replaces the groups of the server's only port, as ModifyInstanceAttribute <c>GroupId.N</c> does.</summary>
    public async Task SetAsync(Ec2Caller caller, long serverId, IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        var ids = groupIds.Select(SecurityGroupLookup.ParseId).ToList();
        var ports = (await networks.PortsOfServersAsync([serverId], cancellationToken))[serverId].ToList();
        if (ports.Count > 1)
        {
            throw Ec2Errors.InvalidInstanceId(
                $"There are multiple interfaces attached to instance '{InstanceIds.Of(serverId)}'. Please specify an interface ID for the operation instead.");
        }
        var port = ports.SingleOrDefault() ?? throw Ec2Errors.InvalidInstanceId($"The instance '{InstanceIds.Of(serverId)}' has no network interface.");
        await groups.SetPortGroupsAsync(caller.LogicUserId(), port.Id, ids, cancellationToken);
    }
}
