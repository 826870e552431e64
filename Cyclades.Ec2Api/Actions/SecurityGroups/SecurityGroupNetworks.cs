using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Networks;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>
/// The VPCs (the core's networks) security groups live in, seen from the groups' side: the caller's
/// default VPC (where groups go when no VpcId is given) and the check of a VpcId.
/// </summary>
public sealed class SecurityGroupNetworks(NetworkQueries networks)
{
    public async Task<long> DefaultNetworkIdAsync(Ec2Caller caller, CancellationToken cancellationToken) =>
        (await networks.GetDefaultNetworkAsync(caller.LogicUserId(), cancellationToken)).Id;

    /// <summary>The network of a VpcId the caller owns.</summary>
    public async Task<long> RequireAsync(Ec2Caller caller, string vpcId, CancellationToken cancellationToken)
    {
        if (!VpcIds.TryParse(vpcId, out var networkId))
        {
            throw Ec2Errors.InvalidVpcIdMalformed(vpcId);
        }
        return (await networks.FindNetworkAsync(caller.LogicUserId(), networkId, cancellationToken))?.Id ?? throw Ec2Errors.InvalidVpcIdNotFound(vpcId);
    }

    public async Task<bool> IsDefaultAsync(Ec2Caller caller, long networkId, CancellationToken cancellationToken) =>
        networkId == await DefaultNetworkIdAsync(caller, cancellationToken);
}
