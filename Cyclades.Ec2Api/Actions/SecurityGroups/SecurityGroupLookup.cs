using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.SecurityGroups;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>
/// The caller's groups as requests name them: by <c>sg-</c> id, or by name in the default VPC.
/// Another user's group is as unknown as one that never was. Looking at the default VPC's groups
/// makes its default group if it has none yet.
/// </summary>
public sealed class SecurityGroupLookup(SecurityGroupService groups, SecurityGroupNetworks networks)
{
    /// <summary>The caller's default VPC, with its default group made.</summary>
    public async Task<long> DefaultNetworkAsync(Ec2Caller caller, CancellationToken cancellationToken)
    {
        var networkId = await networks.DefaultNetworkIdAsync(caller, cancellationToken);
        await groups.EnsureDefaultAsync(caller.LogicUserId(), networkId, cancellationToken);
        return networkId;
    }

    public static long ParseId(string groupId) =>
        SecurityGroupIds.TryParse(groupId, out var id) ? id : throw Ec2Errors.InvalidGroupIdMalformed(groupId);

    /// <summary>The group named by id, else by name in the default VPC.</summary>
    public async Task<SecurityGroupWithRules> RequireAsync(Ec2Caller caller, string? groupId, string? groupName, CancellationToken cancellationToken)
    {
        if (groupId is not null)
        {
            var id = ParseId(groupId);
            return (await groups.ListAsync(caller.LogicUserId(), [id], cancellationToken)).SingleOrDefault()
                ?? throw Ec2Errors.InvalidGroupNotFound(groupId);
        }
        var name = groupName ?? throw Ec2Errors.MissingParameter("GroupId");
        var group = await FindInDefaultVpcAsync(caller, name, cancellationToken);
        return await groups.GetAsync(caller.LogicUserId(), group, cancellationToken);
    }

    /// <summary>
    /// The groups a launch names, by id (each must be the caller's) and by name in the default VPC, as ids.
    /// Whether they are on the launch's network is the launch's to check.
    /// </summary>
    public async Task<IReadOnlyList<long>> RequireAllAsync(
        Ec2Caller caller, IReadOnlyList<string> groupIds, IReadOnlyList<string> groupNames, CancellationToken cancellationToken)
    {
        var ids = groupIds.Select(ParseId).ToList();
        if (ids.Count > 0)
        {
            var known = (await groups.ListAsync(caller.LogicUserId(), ids, cancellationToken)).Select(g => g.Group.Id).ToHashSet();
            if (groupIds.FirstOrDefault(id => !known.Contains(ParseId(id))) is { } unknown)
            {
                throw Ec2Errors.InvalidGroupNotFound(unknown);
            }
        }
        foreach (var name in groupNames)
        {
            ids.Add(await FindInDefaultVpcAsync(caller, name, cancellationToken));
        }
        return ids.Distinct().ToList();
    }

    /// <summary>The id of the group of this name in the caller's default VPC.</summary>
    public async Task<long> FindInDefaultVpcAsync(Ec2Caller caller, string name, CancellationToken cancellationToken)
    {
        var networkId = await DefaultNetworkAsync(caller, cancellationToken);
        return (await groups.FindAsync(caller.LogicUserId(), networkId, name, cancellationToken))?.Id
            ?? throw Ec2Errors.InvalidGroupNotFoundInDefaultVpc(name, VpcIds.Of(networkId));
    }

    /// <summary>A group named as a rule's peer: by id, else by name on the network of the rule's group.</summary>
    public async Task<long> PeerAsync(Ec2Caller caller, long networkId, string? groupId, string? groupName, CancellationToken cancellationToken)
    {
        if (groupId is not null)
        {
            return ParseId(groupId);
        }
        var name = groupName ?? throw Ec2Errors.InvalidPermissionMalformed("A group peer needs a GroupId or a GroupName.");
        return (await groups.FindAsync(caller.LogicUserId(), networkId, name, cancellationToken))?.Id
            ?? throw Ec2Errors.InvalidGroupNotFound(name);
    }
}
