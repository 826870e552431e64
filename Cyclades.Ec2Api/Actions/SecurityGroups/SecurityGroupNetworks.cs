using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>
/// The VPCs security groups live in, seen from the groups' side: the caller's default VPC (the
/// network id groups are created on when no VpcId is given) and the check of a VpcId.
/// SEAM until the networks model is merged: every user's default VPC is network 0 and no other VPC
/// exists; afterwards this asks the core's networks.
/// </summary>
public sealed class SecurityGroupNetworks
{
    public const string VpcPrefix = "vpc-";

    public static string VpcIdOf(long networkId) => Ec2Id.Format(VpcPrefix, networkId);

    public Task<long> DefaultNetworkIdAsync(Ec2Caller caller, CancellationToken cancellationToken) => Task.FromResult(0L);

    /// <summary>The network of a VpcId the caller owns.</summary>
    public async Task<long> RequireAsync(Ec2Caller caller, string vpcId, CancellationToken cancellationToken)
    {
        if (!Ec2Id.TryParse(VpcPrefix, vpcId, out var networkId))
        {
            throw Ec2Errors.InvalidVpcIdMalformed(vpcId);
        }
        return networkId == await DefaultNetworkIdAsync(caller, cancellationToken) ? networkId : throw Ec2Errors.InvalidVpcIdNotFound(vpcId);
    }

    public async Task<bool> IsDefaultAsync(Ec2Caller caller, long networkId, CancellationToken cancellationToken) =>
        networkId == await DefaultNetworkIdAsync(caller, cancellationToken);
}
