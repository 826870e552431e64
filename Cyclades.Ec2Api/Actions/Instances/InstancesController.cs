using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Images;
using Cyclades.Ec2Api.Actions.Volumes;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Logic.Errors;
using Cyclades.Logic.KeyPairs;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>Launching and describing instances.</summary>
public sealed class InstancesController(
    LaunchService launches,
    KeyPairService keyPairs,
    TagService tags,
    InstancePages pages,
    InstanceRenderer renderer,
    VolumeTypeMapping volumeTypes,
    InstanceNetworks networks,
    SubnetLookup subnets,
    SecurityGroupLookup securityGroups) : Ec2Controller
{
    [Ec2Action("RunInstances")]
    [HandlesDryRun]
    public async Task<RunInstancesResponse> RunInstances(RunInstancesRequest request, CancellationToken cancellationToken)
    {
        if (request.Unsupported() is { } unsupported)
        {
            throw unsupported;
        }
        var network = LaunchNetwork.Of(request);
        var subnet = network.SubnetId is { } subnetId ? await subnets.RequireAsync(Caller, subnetId, cancellationToken) : null;
        var groupIds = await securityGroups.RequireAllAsync(Caller, network.SecurityGroupIds, network.SecurityGroupNames, cancellationToken);
        var instanceType = request.InstanceType ?? RunInstancesRequest.DefaultInstanceType;
        var (root, extraVolumes) = LaunchBlockDevices.Translate(request.BlockDeviceMappings, volumeTypes);
        var keyPair = request.KeyName is { } keyName ? await keyPairs.GetAsync(Caller.LogicUserId(), keyName, cancellationToken) : null;
        var launch = new LaunchRequest(Caller.LogicUserId(), ImageIds.Parse(request.ImageId), instanceType, request.MinCount,
            // Above the most one launch may make, AWS launches what it can: so do we.
            Math.Min(request.MaxCount, LaunchService.MaxServersPerLaunch))
        {
            IdempotencyKey = ClientTokens.KeyOf(request.ClientToken),
            KeyName = keyPair?.Name,
            PublicKey = keyPair?.PublicKey,
            UserData = RunInstancesValidator.DecodeUserData(request.UserData),
            BackendName = LaunchNetwork.BackendOf(subnet, request.Placement?.AvailabilityZone),
            SubnetId = subnet?.Subnet.Id,
            Port = new LaunchPort(groupIds, network.Description ?? "", network.DeleteOnTermination ?? true),
            Tags = TagRules.TagsOf(request.TagSpecifications, "instance"),
            Settings = request.Settings(),
            PrivateIp = network.PrivateIp,
            Root = root,
            ExtraVolumes = extraVolumes,
        };
        LaunchResult result;
        try
        {
            if (request.DryRun)
            {
                await launches.CheckAsync(launch, cancellationToken);
                DryRunGate.ThrowIfDryRun(request);
            }
            result = await launches.LaunchAsync(launch, cancellationToken);
        }
        catch (FlavorNotFoundException) when (request.InstanceType is null)
        {
            throw Ec2Errors.InvalidParameterValue(
                $"No InstanceType was given and the default, {instanceType}, is not offered here: see DescribeInstanceTypes.");
        }
        await TagVolumesAsync(result, TagRules.TagsOf(request.TagSpecifications, "volume"), cancellationToken);
        var reservation = renderer.Reservations(result.Servers, await TagsOfAsync(result.Servers, cancellationToken),
            await networks.ForAsync(Caller, result.Servers, cancellationToken), Caller.OwnerId,
            justLaunched: !result.Replayed).Single();
        return new RunInstancesResponse
        {
            ReservationId = reservation.ReservationId,
            OwnerId = reservation.OwnerId,
            Instances = reservation.Instances,
        };
    }

    [Ec2Action("DescribeInstances")]
    [HandlesDryRun]
    public async Task<DescribeInstancesResponse> DescribeInstances(DescribeInstancesRequest request, CancellationToken cancellationToken)
    {
        var (criteria, residual) = InstanceFilters.Translate(new ServerFilter(), request.Filters, Caller.OwnerId);
        var (servers, nextToken) = await pages.ReadAsync(Caller, request.InstanceIds, criteria,
            new { request.InstanceIds, request.Filters }, request.NextToken, request.MaxResults, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);

        var facts = await networks.ForAsync(Caller, servers, cancellationToken);
        var reservations = renderer.Reservations(servers, await TagsOfAsync(servers, cancellationToken), facts, Caller.OwnerId);
        if (residual.Count > 0)
        {
            reservations = reservations
                .Select(r => new ReservationItem
                {
                    ReservationId = r.ReservationId,
                    OwnerId = r.OwnerId,
                    Instances = InstanceFilters.InMemory.Apply(r.Instances.Select(i => new RenderedInstance(r.ReservationId, i)), residual)
                        .Select(i => i.Item).ToList(),
                })
                .Where(r => r.Instances.Count > 0)
                .ToList();
        }
        return new DescribeInstancesResponse { Reservations = reservations, NextToken = nextToken };
    }

    /// <summary>A <c>volume</c> tag specification of RunInstances tags the volumes the launch made.</summary>
    private async Task TagVolumesAsync(LaunchResult result, IReadOnlyList<Tag> volumeTags, CancellationToken cancellationToken)
    {
        var volumes = result.Servers.SelectMany(s => s.Volumes).Select(v => VolumeItem.Resource(v.Id)).ToList();
        if (volumeTags.Count > 0 && volumes.Count > 0 && !result.Replayed)
        {
            await tags.SetAsync(Caller.LogicUserId(), volumes, volumeTags, cancellationToken);
        }
    }

    private Task<ILookup<string, Tag>> TagsOfAsync(IReadOnlyList<ServerView> servers, CancellationToken cancellationToken) =>
        tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.Server, servers.Select(v => InstanceIds.Resource(v.Server.Id).Id).ToList(), cancellationToken);
}
