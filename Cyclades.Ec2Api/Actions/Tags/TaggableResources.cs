using System.Globalization;
using Cyclades.Ec2Api.Actions.Addresses;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Images;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.KeyPairs;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.KeyPairs;
using Cyclades.Logic.Networks;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;

namespace Cyclades.Ec2Api.Actions.Tags;

/// <summary>
/// What can be tagged: the caller's instances (<c>i-</c>), key pairs (<c>key-</c>), VPCs (<c>vpc-</c>) and
/// subnets (<c>subnet-</c>, the public ones as he sees them), Elastic IPs (<c>eipalloc-</c>), network interfaces (<c>eni-</c>), security groups (<c>sg-</c>)
/// and their rules (<c>sgr-</c>), volumes (<c>vol-</c>) and the images (<c>ami-</c>); their EC2 ids and resource-type
/// names, and the check that each exists for the caller.
/// </summary>
public sealed class TaggableResources(
    InstanceLookup instances, CatalogService catalog, KeyPairService keyPairs, VpcLookup vpcs, SubnetLookup subnets,
    FloatingIpService floatingIps, SecurityGroupService securityGroups, VolumeQueries volumes, NetworkQueries networks)
{
    public static readonly IReadOnlyDictionary<string, TaggedResourceType> TypesByName = new Dictionary<string, TaggedResourceType>(StringComparer.Ordinal)
    {
        ["instance"] = TaggedResourceType.Server,
        ["image"] = TaggedResourceType.Image,
        ["key-pair"] = TaggedResourceType.KeyPair,
        ["volume"] = TaggedResourceType.Volume,
        ["vpc"] = TaggedResourceType.Network,
        ["subnet"] = TaggedResourceType.Subnet,
        ["elastic-ip"] = TaggedResourceType.FloatingIp,
        ["network-interface"] = TaggedResourceType.Port,
        ["security-group"] = TaggedResourceType.SecurityGroup,
        ["security-group-rule"] = TaggedResourceType.SecurityRule,
    };

    public static string TypeName(TaggedResourceType type) => TypesByName.Single(t => t.Value == type).Key;

    public static string Ec2IdOf(TaggedResourceType type, string id) => type switch
    {
        TaggedResourceType.Server => InstanceIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.KeyPair => KeyPairIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.Volume => Volumes.VolumeIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.Network => VpcIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.Subnet => SubnetIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.FloatingIp => AddressIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.Port => NetworkInterfaceIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.SecurityGroup => SecurityGroupIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        TaggedResourceType.SecurityRule => SecurityGroupRuleIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
        _ => ImageIds.Of(long.Parse(id, CultureInfo.InvariantCulture)),
    };

    /// <summary>The resource an EC2 id names, whether or not it exists; null for an id of no taggable kind.</summary>
    public static TaggedResource? Parse(string ec2Id)
    {
        if (InstanceIds.TryParse(ec2Id, out var serverId))
        {
            return InstanceIds.Resource(serverId);
        }
        if (KeyPairIds.TryParse(ec2Id, out var keyPairId))
        {
            return KeyPairService.ResourceOf(keyPairId);
        }
        if (Volumes.VolumeIds.TryParse(ec2Id, out var volumeId))
        {
            return Volumes.VolumeItem.Resource(volumeId);
        }
        if (VpcIds.TryParse(ec2Id, out var networkId))
        {
            return VpcIds.Resource(networkId);
        }
        if (SubnetIds.TryParse(ec2Id, out var subnetId))
        {
            return SubnetIds.Resource(subnetId);
        }
        if (AddressIds.TryParse(ec2Id, out var floatingIpId))
        {
            return FloatingIpService.ResourceOf(floatingIpId);
        }
        if (NetworkInterfaceIds.TryParse(ec2Id, out var portId))
        {
            return NetworkInterfaceIds.Resource(portId);
        }
        if (SecurityGroupIds.TryParse(ec2Id, out var groupId))
        {
            return SecurityGroupService.ResourceOf(groupId);
        }
        if (SecurityGroupRuleIds.TryParse(ec2Id, out var ruleId))
        {
            return SecurityGroupService.ResourceOfRule(ruleId);
        }
        return ImageIds.TryParse(ec2Id, out var imageId) ? ImageIds.Resource(imageId) : null;
    }

    /// <summary>The resources, each checked to exist for the caller (the first missing one is the error).</summary>
    public async Task<IReadOnlyList<TaggedResource>> RequireAsync(Ec2Caller caller, IReadOnlyList<string> ec2Ids, CancellationToken cancellationToken)
    {
        var instanceIds = ec2Ids.Where(id => id.StartsWith(InstanceIds.Prefix, StringComparison.Ordinal)).ToList();
        if (instanceIds.Count > 0)
        {
            await instances.RequireAsync(caller, instanceIds, cancellationToken);
        }
        var images = ec2Ids.Any(id => id.StartsWith(ImageIds.Prefix, StringComparison.Ordinal))
            ? (await catalog.ListImagesForAsync(caller.LogicUserId(), cancellationToken)).Select(i => ImageIds.Resource(i.Id)).ToHashSet()
            : [];
        var keys = ec2Ids.Any(id => id.StartsWith(KeyPairIds.Prefix, StringComparison.Ordinal))
            ? (await keyPairs.ListAsync(caller.LogicUserId(), cancellationToken)).Select(k => KeyPairService.ResourceOf(k.Id)).ToHashSet()
            : [];
        if (ec2Ids.Where(id => VpcIds.TryParse(id, out _)).ToList() is { Count: > 0 } vpcIds)
        {
            await vpcs.ListAsync(caller, vpcIds, cancellationToken);
        }
        if (ec2Ids.Where(id => id.StartsWith(SubnetIds.Prefix, StringComparison.Ordinal)).ToList() is { Count: > 0 } subnetIds)
        {
            await subnets.ListAsync(caller, subnetIds, cancellationToken);
        }
        var addresses = ec2Ids.Any(id => id.StartsWith(AddressIds.Prefix, StringComparison.Ordinal))
            ? (await floatingIps.ListAsync(caller.LogicUserId(), null, cancellationToken)).Select(f => FloatingIpService.ResourceOf(f.Id)).ToHashSet()
            : [];
        var volumeIds = ec2Ids.Any(id => id.StartsWith(Volumes.VolumeIds.Prefix, StringComparison.Ordinal))
            ? (await volumes.ListAsync(caller.LogicUserId(), null, cancellationToken)).Select(v => Volumes.VolumeItem.Resource(v.Volume.Id)).ToHashSet()
            : [];
        var portIds = ec2Ids.Any(id => id.StartsWith(NetworkInterfaceIds.Prefix, StringComparison.Ordinal))
            ? (await networks.ListPortsAsync(caller.LogicUserId(), null, cancellationToken)).Select(p => NetworkInterfaceIds.Resource(p.Id)).ToHashSet()
            : [];
        var groupIds = ec2Ids.Any(id => id.StartsWith(SecurityGroupIds.Prefix, StringComparison.Ordinal)) ? await GroupResourcesAsync(caller, cancellationToken) : [];
        var ruleIds = ec2Ids.Any(id => id.StartsWith(SecurityGroupRuleIds.Prefix, StringComparison.Ordinal))
            ? (await securityGroups.ListRulesAsync(caller.LogicUserId(), null, cancellationToken)).Select(r => SecurityGroupService.ResourceOfRule(r.Id)).ToHashSet()
            : [];
        return ec2Ids.Distinct().Select(id => Parse(id) switch
        {
            { Type: TaggedResourceType.Network or TaggedResourceType.Subnet } checkedAbove => checkedAbove,
            _ when id.StartsWith(VpcIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidVpcIdMalformed(id),
            { Type: TaggedResourceType.Server } server => server,
            { Type: TaggedResourceType.Image } image when images.Contains(image) => image,
            { Type: TaggedResourceType.Image } => throw Ec2Errors.InvalidAmiIdNotFound(id),
            _ when id.StartsWith(ImageIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidAmiIdMalformed(id),
            { Type: TaggedResourceType.KeyPair } key when keys.Contains(key) => key,
            _ when id.StartsWith(KeyPairIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidKeyPairNotFound(id),
            { Type: TaggedResourceType.FloatingIp } address when addresses.Contains(address) => address,
            _ when id.StartsWith(AddressIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidAllocationIdNotFound(id),
            { Type: TaggedResourceType.Volume } volume when volumeIds.Contains(volume) => volume,
            { Type: TaggedResourceType.Volume } => throw Ec2Errors.InvalidVolumeNotFound(id),
            _ when id.StartsWith(Volumes.VolumeIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidVolumeIdMalformed(id),
            { Type: TaggedResourceType.Port } port when portIds.Contains(port) => port,
            { Type: TaggedResourceType.Port } => throw Ec2Errors.InvalidNetworkInterfaceIdNotFound(id),
            _ when id.StartsWith(NetworkInterfaceIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidNetworkInterfaceIdMalformed(id),
            { Type: TaggedResourceType.SecurityGroup } group when groupIds.Contains(group) => group,
            { Type: TaggedResourceType.SecurityGroup } => throw Ec2Errors.InvalidGroupNotFound(id),
            { Type: TaggedResourceType.SecurityRule } rule when ruleIds.Contains(rule) => rule,
            { Type: TaggedResourceType.SecurityRule } => throw Ec2Errors.InvalidSecurityGroupRuleIdNotFound(id),
            _ when id.StartsWith(SecurityGroupRuleIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidSecurityGroupRuleIdMalformed(id),
            _ when id.StartsWith(SecurityGroupIds.Prefix, StringComparison.Ordinal) => throw Ec2Errors.InvalidGroupIdMalformed(id),
            _ => throw Ec2Errors.InvalidId(id),
        }).ToList();
    }

    private async Task<HashSet<TaggedResource>> GroupResourcesAsync(Ec2Caller caller, CancellationToken cancellationToken) =>
        (await securityGroups.ListAsync(caller.LogicUserId(), null, cancellationToken)).Select(g => SecurityGroupService.ResourceOf(g.Group.Id)).ToHashSet();
}
