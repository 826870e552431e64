using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Networks;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// What a valid RunInstances request (<see cref="LaunchNetworkValidator"/>) asks for the instance's
/// primary network interface, whether it came as instance-level members or as <c>NetworkInterface.1</c>
/// (how the AWS CLI and Ansible send the same thing).
/// </summary>
public sealed record LaunchNetwork(
    string? SubnetId,
    IReadOnlyList<string> SecurityGroupIds,
    IReadOnlyList<string> SecurityGroupNames,
    string? PrivateIp,
    bool? AssociatePublicIp,
    string? Description,
    bool? DeleteOnTermination = null)
{
    public const string SecurityGroupPrefix = "sg-";

    /// <exception cref="Ec2Exception"><c>InvalidGroupId.Malformed</c> for a group id that is not one.</exception>
    public static LaunchNetwork Of(RunInstancesRequest request)
    {
        var network = request.NetworkInterfaces.FirstOrDefault(e => e.DeviceIndex == 0) is { } primary
            ? new LaunchNetwork(primary.SubnetId, primary.Groups, [], primary.PrimaryPrivateIp, primary.AssociatePublicIpAddress, primary.Description,
                primary.DeleteOnTermination)
            : new LaunchNetwork(request.SubnetId, request.SecurityGroupIds, request.SecurityGroups, request.PrivateIpAddress, null, null);
        if (network.SecurityGroupIds.FirstOrDefault(id => !Ec2Id.TryParse(SecurityGroupPrefix, id, out _)) is { } malformed)
        {
            throw Ec2Errors.InvalidGroupIdMalformed(malformed);
        }
        return network;
    }

    /// <summary>
    /// Where the servers go: a subnet lives on one backend (a public one is its backend's network), so
    /// naming one names the backend; with a zone too, they must agree.
    /// </summary>
    /// <exception cref="Ec2Exception"><c>InvalidParameterValue</c> when the zone is not the subnet's.</exception>
    public static string? BackendOf(SubnetView? subnet, string? zone)
    {
        zone = zone is { Length: > 0 } ? zone : null;
        if (subnet is null)
        {
            return zone;
        }
        if (zone is not null && zone != subnet.BackendName)
        {
            throw Ec2Errors.InvalidParameterValue(
                $"The subnet {SubnetIds.Of(subnet.Subnet.Id)} is in the availability zone {subnet.BackendName}, not {zone}.");
        }
        return subnet.BackendName;
    }
}
