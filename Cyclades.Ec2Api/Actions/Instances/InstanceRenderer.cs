using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Images;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>Servers as EC2 instances and reservations.</summary>
public sealed class InstanceRenderer(IOptions<Ec2ApiOptions> options)
{
    /// <param name="justLaunched">The answer of the RunInstances that created the server (not a replay).</param>
    public InstanceItem Render(ServerView view, IEnumerable<Tag> tags, InstanceNetworkFacts networks, bool justLaunched = false)
    {
        var server = view.Server;
        var interfaces = networks.InterfacesOf(server.Id);
        var primary = interfaces.FirstOrDefault(i => i.Attachment.DeviceIndex == 0);
        var (stateReason, reason) = InstanceStateReasons.Of(server);
        var region = options.Value.Region;
        return new InstanceItem
        {
            InstanceId = InstanceIds.Of(server.Id),
            ImageId = ImageIds.Of(server.ImageId),
            State = justLaunched ? InstanceStates.JustLaunched(InstanceStates.Of(server)) : InstanceStates.Of(server),
            PrivateDnsName = primary is not null && primary.PrivateIpAddress == server.PrivateIp ? primary.PrivateDnsName : PrivateDnsName(server.PrivateIp, region),
            StateTransitionReason = reason,
            KeyName = server.KeyName,
            AmiLaunchIndex = server.LaunchIndex,
            InstanceType = view.Flavor.Name,
            LaunchTime = server.CreatedAt,
            Placement = new PlacementItem
            {
                AvailabilityZone = view.BackendName,
                AvailabilityZoneId = AvailabilityZoneCatalog.IdOf(region, server.BackendId),
            },
            SubnetId = primary?.SubnetId,
            VpcId = primary?.VpcId,
            PrivateIpAddress = server.PrivateIp,
            PublicIpAddress = interfaces.Select(i => i.Association?.PublicIp).FirstOrDefault(a => a is not null),
            StateReason = stateReason,
            ClientToken = view.IdempotencyKey ?? "",
            Tags = TagItem.From(tags),
            CpuOptions = new CpuOptionsItem { CoreCount = view.Flavor.Cpu },
            EbsOptimized = server.Settings.IoOptimized,
            SourceDestCheck = server.Settings.AddressCheck,
            NetworkInterfaces = interfaces,
            SecurityGroups = primary?.Groups ?? [],
            MetadataOptions = MetadataOptionsItem.From(server.Settings.Metadata),
            RootDeviceName = InstanceBlockDevices.RootDeviceName(view),
            BlockDeviceMappings = InstanceBlockDevices.Of(view),
        };
    }

    /// <summary>The servers grouped by launch, in the order their first server comes.</summary>
    public IReadOnlyList<ReservationItem> Reservations(
        IReadOnlyList<ServerView> views, ILookup<string, Tag> tags, InstanceNetworkFacts networks, string ownerId, bool justLaunched = false) =>
        views.GroupBy(v => InstanceIds.ReservationOf(v.Server))
            .Select(g => new ReservationItem
            {
                ReservationId = g.Key,
                OwnerId = ownerId,
                Instances = g.Select(v => Render(v, tags[InstanceIds.Resource(v.Server.Id).Id], networks, justLaunched)).ToList(),
            })
            .ToList();

    /// <summary>EC2's internal host name for an address, <c>ip-10-0-0-5.{region}.compute.internal</c>; empty without one.</summary>
    public static string PrivateDnsName(string? privateIp, string region) =>
        privateIp is null ? "" : $"ip-{privateIp.Replace('.', '-')}.{region}.compute.internal";
}
