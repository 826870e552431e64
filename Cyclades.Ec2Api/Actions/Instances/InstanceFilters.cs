using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Images;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// The DescribeInstances filters, translated into the logic core's <see cref="ServerFilter"/> so the
/// database does the work (the subnet and interface-id filters included). Those SQL cannot answer (a
/// wildcard on an EC2 id, a filter given twice, and the VPC, group, address and other interface filters,
/// which read the rendered interfaces) are left to <see cref="InMemory"/> over the page, which may then
/// come out short — as AWS pages may.
/// </summary>
public static class InstanceFilters
{
    /// <summary>Filters whose value is the same for every instance.</summary>
    private static readonly Dictionary<string, string> Constants = new(StringComparer.Ordinal)
    {
        ["architecture"] = InstanceFacts.Architecture,
        ["hypervisor"] = InstanceFacts.Hypervisor,
        ["root-device-type"] = InstanceFacts.RootDeviceType,
        ["root-device-name"] = InstanceFacts.RootDeviceName,
        ["virtualization-type"] = InstanceFacts.VirtualizationType,
        ["tenancy"] = InstanceFacts.Tenancy,
        ["monitoring-state"] = "disabled",
        ["platform-details"] = InstanceFacts.PlatformDetails,
    };

    /// <summary>Every filter on rendered instances; with <see cref="Constants"/>, the names this action accepts (and <c>tag:&lt;key&gt;</c>).</summary>
    public static readonly Ec2FilterSet<RenderedInstance> InMemory = new Ec2FilterSet<RenderedInstance>()
        .Add("instance-id", i => i.Item.InstanceId)
        .Add("instance-state-name", i => i.Item.State.Name)
        .Add("instance-state-code", i => i.Item.State.Code.ToString(CultureInfo.InvariantCulture))
        .Add("instance-type", i => i.Item.InstanceType)
        .Add("image-id", i => i.Item.ImageId)
        .Add("key-name", i => i.Item.KeyName)
        .Add("availability-zone", i => i.Item.Placement.AvailabilityZone)
        .Add("reservation-id", i => i.ReservationId)
        .Add("client-token", i => i.Item.ClientToken)
        .Add("launch-time", i => i.Item.LaunchTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
        .Add("private-ip-address", i => i.Item.PrivateIpAddress)
        .Add("private-dns-name", i => i.Item.PrivateDnsName)
        .Add("ip-address", i => i.Item.PublicIpAddress)
        .Add("dns-name", _ => null)
        .Add("owner-id", _ => null)
        .Add("subnet-id", i => i.Item.SubnetId)
        .Add("vpc-id", i => i.Item.VpcId)
        .Add("source-dest-check", i => FilterValues.Bool(i.Item.SourceDestCheck))
        .AddEach("instance.group-id", GroupIds)
        .AddEach("instance.group-name", GroupNames)
        // The EC2-Classic-era names, undocumented now but still sent by older scripts.
        .AddEach("group-id", GroupIds)
        .AddEach("group-name", GroupNames)
        .AddEach("network-interface.network-interface-id", i => i.Item.NetworkInterfaces.Select(n => n.NetworkInterfaceId))
        .AddEach("network-interface.subnet-id", i => i.Item.NetworkInterfaces.Select(n => n.SubnetId))
        .AddEach("network-interface.vpc-id", i => i.Item.NetworkInterfaces.Select(n => n.VpcId))
        .AddEach("network-interface.owner-id", i => i.Item.NetworkInterfaces.Select(n => n.OwnerId))
        .AddEach("network-interface.description", i => i.Item.NetworkInterfaces.Select(n => n.Description))
        .AddEach("network-interface.status", i => i.Item.NetworkInterfaces.Select(n => n.Status))
        .AddEach("network-interface.mac-address", i => i.Item.NetworkInterfaces.Select(n => n.MacAddress))
        .AddEach("network-interface.private-dns-name", i => i.Item.NetworkInterfaces.Select(n => n.PrivateDnsName))
        .AddEach("network-interface.source-dest-check", i => i.Item.NetworkInterfaces.Select(n => FilterValues.Bool(n.SourceDestCheck)))
        .AddEach("network-interface.group-id", i => i.Item.NetworkInterfaces.SelectMany(n => n.Groups.Select(g => g.GroupId)))
        .AddEach("network-interface.group-name", i => i.Item.NetworkInterfaces.SelectMany(n => n.Groups.Select(g => g.GroupName)))
        .AddEach("network-interface.addresses.private-ip-address",
            i => i.Item.NetworkInterfaces.SelectMany(n => n.PrivateIpAddresses.Select(a => a.PrivateIpAddress)))
        .AddEach("network-interface.addresses.primary",
            i => i.Item.NetworkInterfaces.SelectMany(n => n.PrivateIpAddresses.Select(a => FilterValues.Bool(a.Primary))))
        .AddEach("network-interface.association.public-ip", i => i.Item.NetworkInterfaces.Select(n => n.Association?.PublicIp))
        .AddEach("network-interface.association.ip-owner-id", i => i.Item.NetworkInterfaces.Select(n => n.Association?.IpOwnerId))
        .AddEach("network-interface.association.allocation-id", i => i.Item.NetworkInterfaces.Select(n => n.Association?.AllocationId))
        .AddEach("network-interface.association.association-id", i => i.Item.NetworkInterfaces.Select(n => n.Association?.AssociationId))
        .AddEach("network-interface.attachment.attachment-id", i => i.Item.NetworkInterfaces.Select(n => n.Attachment.AttachmentId))
        .AddEach("network-interface.attachment.instance-id", i => i.Item.NetworkInterfaces.Select(_ => i.Item.InstanceId))
        .AddEach("network-interface.attachment.device-index",
            i => i.Item.NetworkInterfaces.Select(n => n.Attachment.DeviceIndex.ToString(CultureInfo.InvariantCulture)))
        .AddEach("network-interface.attachment.status", i => i.Item.NetworkInterfaces.Select(n => n.Attachment.Status))
        .AddEach("network-interface.attachment.delete-on-termination",
            i => i.Item.NetworkInterfaces.Select(n => FilterValues.Bool(n.Attachment.DeleteOnTermination)))
        .AddEach("tag-key", i => i.Item.Tags.Select(t => t.Key))
        .AddEach("tag-value", i => i.Item.Tags.Select(t => t.Value));

    private static IEnumerable<string?> GroupIds(RenderedInstance i) => i.Item.SecurityGroups.Select(g => g.GroupId);

    private static IEnumerable<string?> GroupNames(RenderedInstance i) => i.Item.SecurityGroups.Select(g => g.GroupName);

    public static bool IsKnown(string name) =>
        InMemory.Names.Contains(name) || Constants.ContainsKey(name) || TagFilters.IsTagFilter(name);

    /// <returns>The filter for the database, and the filters left to apply to the rendered page.</returns>
    public static (ServerFilter Filter, IReadOnlyList<Filter> Residual) Translate(ServerFilter filter, IReadOnlyList<Filter> filters, string ownerId)
    {
        var residual = new List<Filter>();
        var states = new List<Func<InstanceStateItem, bool>>();
        var pushed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in filters)
        {
            var values = f.Values;
            var patterns = values.Select(Wildcard.ToRegex).ToList();
            bool Any(string? value) => value is not null && patterns.Any(p => p.IsMatch(value));
            if (TagFilters.IsTagFilter(f.Name))
            {
                filter = filter with { Tags = [.. filter.Tags ?? [], new TagMatch(f.Name[TagFilters.Prefix.Length..], values)] };
                continue;
            }
            switch (f.Name)
            {
                case "instance-state-name":
                    states.Add(s => Any(s.Name));
                    continue;
                case "instance-state-code":
                    states.Add(s => Any(s.Code.ToString(CultureInfo.InvariantCulture)));
                    continue;
                case "instance-id" when !values.Any(HasWildcard):
                    filter = filter with { Ids = Intersect(filter.Ids, IdsOf(values, InstanceIds.TryParse)) };
                    continue;
                case "owner-id":
                    filter = Any(ownerId) ? filter : filter with { Ids = [] };
                    continue;
                case "dns-name":
                    filter = filter with { Ids = [] };
                    continue;
            }
            if (Constants.TryGetValue(f.Name, out var constant))
            {
                filter = Any(constant) ? filter : filter with { Ids = [] };
                continue;
            }
            if (!pushed.Add(f.Name) || Push(filter, f.Name, values) is not { } pushedFilter)
            {
                residual.Add(f);
                continue;
            }
            filter = pushedFilter;
        }
        if (states.Count > 0)
        {
            filter = filter with { States = InstanceStates.Matching(s => states.All(matches => matches(s))) };
        }
        return (filter, residual);
    }

    /// <summary>The filter with one more criterion the database answers; null when it cannot.</summary>
    private static ServerFilter? Push(ServerFilter filter, string name, IReadOnlyList<string> values) => name switch
    {
        "instance-type" => filter with { FlavorNames = values },
        "image-id" when !values.Any(HasWildcard) =>
            filter with { ImageIds = IdsOf(values, ImageIds.TryParse) },
        "key-name" => filter with { KeyNames = values },
        "availability-zone" => filter with { BackendNames = values },
        "client-token" => filter with { IdempotencyKeys = values },
        "launch-time" => filter with { CreatedAt = values },
        "private-ip-address" => filter with { PrivateIps = values },
        "tag-key" => filter with { TagKeys = values },
        "tag-value" => filter with { TagValues = values },
        "subnet-id" when !values.Any(HasWildcard) => filter with { PrimarySubnetIds = IdsOf(values, SubnetIds.TryParse) },
        "network-interface.subnet-id" when !values.Any(HasWildcard) => filter with { PortSubnetIds = IdsOf(values, SubnetIds.TryParse) },
        "network-interface.network-interface-id" when !values.Any(HasWildcard) =>
            filter with { PortIds = Intersect(filter.PortIds, IdsOf(values, NetworkInterfaceIds.TryParse)) },
        "network-interface.attachment.attachment-id" when !values.Any(HasWildcard) =>
            filter with { PortIds = Intersect(filter.PortIds, IdsOf(values, NetworkInterfaceIds.TryParseAttachment)) },
        "reservation-id" when !values.Any(HasWildcard) =>
            filter with { LaunchIds = IdsOf(values, (string v, out long id) => Ec2Id.TryParse(InstanceIds.ReservationPrefix, v, out id)) },
        _ => null,
    };

    private delegate bool IdParser(string id, out long value);

    /// <summary>The ids the values name; one that names none matches nothing (-1).</summary>
    private static List<long> IdsOf(IReadOnlyList<string> values, IdParser parse) =>
        values.Select(v => parse(v, out var id) ? id : -1).ToList();

    private static bool HasWildcard(string value) => value.IndexOfAny(['*', '?']) >= 0;

    private static IReadOnlyCollection<long> Intersect(IReadOnlyCollection<long>? current, IEnumerable<long> ids) =>
        current is null ? ids.Distinct().ToList() : current.Intersect(ids).ToList();
}

/// <summary>An instance as rendered, with the reservation it is listed under.</summary>
public sealed record RenderedInstance(string ReservationId, InstanceItem Item);
