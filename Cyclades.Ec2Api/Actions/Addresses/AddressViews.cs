using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>
/// The caller's Elastic IPs as EC2 shows them. An associated address is the address of its own NIC
/// (Synnefo's floating IP, not NAT): that NIC is the association (<c>eipassoc-</c> and <c>eni-</c> of
/// the port's id) and its private address is the public one.
/// </summary>
public sealed class AddressViews(FloatingIpService floatingIps, TagService tags, IOptions<Ec2ApiOptions> options)
{
    public const string AssociationPrefix = "eipassoc-";

    public async Task<IReadOnlyList<AddressItem>> ListAsync(Ec2Caller caller, CancellationToken cancellationToken)
    {
        var userId = caller.LogicUserId();
        var all = await floatingIps.ListAsync(userId, null, cancellationToken);
        var tagsById = await tags.ListForAsync(userId, TaggedResourceType.FloatingIp,
            all.Select(f => FloatingIpService.ResourceOf(f.Id).Id).ToList(), cancellationToken);
        return all.Select(f => new AddressItem
        {
            PublicIp = f.Address,
            AllocationId = AddressIds.Of(f.Id),
            AssociationId = f.PortId is { } port ? AssociationIdOf(port) : null,
            NetworkInterfaceId = f.PortId is { } nic ? NetworkInterfaceIds.Of(nic) : null,
            NetworkInterfaceOwnerId = f.PortId is null ? null : caller.OwnerId,
            InstanceId = f.ServerId is { } server ? InstanceIds.Of(server) : null,
            PrivateIpAddress = f.PortId is null ? null : f.Address,
            Tags = TagItem.From(tagsById[FloatingIpService.ResourceOf(f.Id).Id]),
            NetworkBorderGroup = options.Value.Region,
        }).ToList();
    }

    /// <summary>An association is the port carrying the address: each association is a new port, so its id is never reused.</summary>
    public static string AssociationIdOf(long portId) => Ec2Id.Format(AssociationPrefix, portId);

    public static bool TryParseAssociationId(string id, out long portId) => Ec2Id.TryParse(AssociationPrefix, id, out portId);
}
