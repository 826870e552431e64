using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Subnets;

/// <summary>
/// The subnets the caller sees (the public ones, as his default VPC's, and his own) by EC2 id, and as
/// EC2 shows them. An id that is not a subnet's is not found, as AWS answers it.
/// </summary>
public sealed class SubnetLookup(NetworkQueries networks, TagService tags, IOptions<Ec2ApiOptions> options)
{
    /// <exception cref="Ec2Exception"><c>InvalidSubnetID.NotFound</c> for the first id the caller has no subnet with.</exception>
    public async Task<IReadOnlyList<SubnetView>> ListAsync(Ec2Caller caller, IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
    {
        var ids = subnetIds.Select(id => SubnetIds.TryParse(id, out var subnetId) ? subnetId : throw Ec2Errors.InvalidSubnetIdNotFound(id)).ToList();
        var found = await networks.ListSubnetsAsync(caller.LogicUserId(), ids.Count == 0 ? null : ids, cancellationToken);
        if (subnetIds.FirstOrDefault(id => found.All(s => SubnetIds.Of(s.Subnet.Id) != id)) is { } missing)
        {
            throw Ec2Errors.InvalidSubnetIdNotFound(missing);
        }
        return found;
    }

    public async Task<SubnetView> RequireAsync(Ec2Caller caller, string subnetId, CancellationToken cancellationToken) =>
        (await ListAsync(caller, [subnetId], cancellationToken)).Single();

    public async Task<IReadOnlyList<SubnetItem>> RenderAsync(Ec2Caller caller, IReadOnlyList<SubnetView> found, CancellationToken cancellationToken)
    {
        var byId = await tags.ListForAsync(caller.LogicUserId(), TaggedResourceType.Subnet, found.Select(s => Key(s.Subnet.Id)).ToList(), cancellationToken);
        return found.Select(s => SubnetItem.From(s, options.Value.Region, caller.OwnerId, byId[Key(s.Subnet.Id)])).ToList();
    }

    public static string Key(long subnetId) => subnetId.ToString(CultureInfo.InvariantCulture);

    public static long IdOf(SubnetItem subnet) => SubnetIds.TryParse(subnet.SubnetId, out var id) ? id : 0;
}
