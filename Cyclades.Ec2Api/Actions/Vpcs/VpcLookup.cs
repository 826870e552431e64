using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>The caller's VPCs (his networks, the default one made on first use) by EC2 id, and as EC2 shows them.</summary>
public sealed class VpcLookup(NetworkQueries networks, TagService tags)
{
    /// <summary>The caller's VPCs, or only those named (every one must be his).</summary>
    /// <exception cref="Ec2Exception"><c>InvalidVpcID.Malformed</c> / <c>InvalidVpcID.NotFound</c> for the first bad id.</exception>
    public async Task<IReadOnlyList<Network>> ListAsync(Ec2Caller caller, IReadOnlyList<string> vpcIds, CancellationToken cancellationToken)
    {
        var ids = vpcIds.Select(id => VpcIds.TryParse(id, out var networkId) ? networkId : throw Ec2Errors.InvalidVpcIdMalformed(id)).ToList();
        var found = await networks.ListNetworksAsync(caller.LogicUserId(), ids.Count == 0 ? null : ids, cancellationToken);
        if (vpcIds.FirstOrDefault(id => found.All(n => VpcIds.Of(n.Id) != id)) is { } missing)
        {
            throw Ec2Errors.InvalidVpcIdNotFound(missing);
        }
        return found;
    }

    public async Task<Network> RequireAsync(Ec2Caller caller, string vpcId, CancellationToken cancellationToken) =>
        (await ListAsync(caller, [vpcId], cancellationToken)).Single();

    public async Task<IReadOnlyList<VpcItem>> RenderAsync(Ec2Caller caller, IReadOnlyList<Network> found, CancellationToken cancellationToken)
    {
        var byId = await TagsAsync(caller, found.Select(n => n.Id), cancellationToken);
        return found.Select(n => VpcItem.From(n, caller.OwnerId, byId[Key(n.Id)])).ToList();
    }

    /// <summary>The tags of these VPCs, by <see cref="Key"/>.</summary>
    public Task<ILookup<string, Tag>> TagsAsync(Ec2Caller caller, IEnumerable<long> networkIds, CancellationToken cancellationToken) =>
        tags.ListForAsync(caller.LogicUserId(), TaggedResourceType.Network, networkIds.Select(Key).ToList(), cancellationToken);

    public static string Key(long networkId) => networkId.ToString(CultureInfo.InvariantCulture);

    public static long IdOf(VpcItem vpc) => IdOf(vpc.VpcId);

    public static long IdOf(string vpcId) => VpcIds.TryParse(vpcId, out var id) ? id : 0;
}
