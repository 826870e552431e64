using System.Data.Common;
using System.Globalization;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Launches;

/// <summary>
/// Creates servers, in two phases so that the database always knows a server before the cluster
/// does: (1) one transaction records the launch, takes the quota for all servers (issued and
/// accepted) and inserts them in BUILD with a BUILD task; (2) each create job is submitted and its
/// id recorded (<see cref="TaskSubmitter"/>: bounded per cluster, with a heartbeat). A server whose
/// job cannot be submitted is released; if the first cannot be, the launch is removed without a trace
/// and the caller gets the cluster's error. If this process dies in between, the dispatcher settles
/// the servers once their heartbeat is old: it adopts a create job the cluster has, or releases them.
/// </summary>
public sealed class LaunchService(
    IDbConnectionFactory connections,
    CatalogService catalog,
    BackendAllocator allocator,
    BackendRegistry backends,
    ClusterDriverCache drivers,
    QuotaService quotas,
    ServerRelease release,
    ServerQueries queries,
    InstanceNames instanceNames,
    JobSubmissions submissions,
    TaskSubmitter submitter,
    SubmittingTasks submitting,
    ClusterNetworks clusterNetworks,
    PortFirewall firewall,
    IPortGroupAssignment portGroups,
    TimeProvider clock)
{
    public const int MaxServersPerLaunch = 1000;

    /// <summary>
    /// Every check <see cref="LaunchAsync"/> makes before it changes anything (counts, image, flavor, a
    /// named backend that takes servers), without acting: what a dry run answers.
    /// </summary>
    public async Task CheckAsync(LaunchRequest request, CancellationToken cancellationToken) =>
        _ = await ResolveAsync(request, cancellationToken);

    public async Task<LaunchResult> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        var (image, flavor, volumes, backendName) = await ResolveAsync(request, cancellationToken);
        var fingerprint = LaunchFingerprint.Of(request);
        if (request.IdempotencyKey is { } key && await ReplayAsync(request.UserId, key, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        var backend = await allocator.ChooseAsync(
            await ImageLaunchRules.BackendNameAsync(image, backendName, backends, cancellationToken), flavor, request.MinCount, cancellationToken);
        await quotas.EnsureHolderAsync(request.UserId, cancellationToken);
        await connections.ReadAsync(async db =>
        {
            await SubnetRepository.EnsurePublicAsync(db, backend.Id, backend.NetworkCidr, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);

        // A concurrent retry with the same key may win the insert; then its launch is the answer
        // (unless that launch failed and was removed meanwhile: then try again).
        for (var attempt = 1; ; attempt++)
        {
            var created = await CreateAsync(request, fingerprint, flavor, volumes, backend, cancellationToken);
            if (created is null)
            {
                if (await ReplayAsync(request.UserId, request.IdempotencyKey!, fingerprint, cancellationToken) is { } concurrent)
                {
                    return concurrent;
                }
                if (attempt < 3)
                {
                    continue;
                }
                throw new InvalidOperationException($"The launch with idempotency key '{request.IdempotencyKey}' keeps disappearing.");
            }
            // Past this point the servers exist: finish the submissions even if the caller goes away.
            await SubmitAsync(created, image, flavor, backend, request.PublicKey);
            return new LaunchResult(created.Launch, await queries.ListLaunchAsync(request.UserId, created.Launch.Id, CancellationToken.None), Replayed: false);
        }
    }

    /// <returns>The image, the flavor, the volumes planned and the backend asked for (by name, or as the subnet's), if any.</returns>
    private async Task<(Image Image, Flavor Flavor, IReadOnlyList<PlannedVolume> Volumes, string? BackendName)> ResolveAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var image = await catalog.FindImageForAsync(request.UserId, request.ImageId, cancellationToken) ?? throw new ImageNotFoundException(request.ImageId);
        var flavor = await catalog.FindFlavorAsync(request.FlavorName, cancellationToken) ?? throw new FlavorNotFoundException(request.FlavorName);
        if (request.BackendName is { } name && await backends.FindAsync(name, cancellationToken) is not { Enabled: true })
        {
            throw new BackendNotFoundException(name);
        }
        await ImageLaunchRules.EnsureLaunchableAsync(image, flavor, request.BackendName, backends, cancellationToken);
        var volumes = LaunchVolumes.Plan(request, image, flavor);
        if (request.SubnetId is not { } subnetId)
        {
            return (image, flavor, volumes, request.BackendName);
        }
        var subnet = await connections.ReadAsync(db => SubnetRepository.GetForUserAsync(db, request.UserId, subnetId, cancellationToken), cancellationToken)
            ?? throw new NetworkNotFoundException(NetworkResource.Subnet, subnetId);
        var backend = await backends.GetAsync(subnet.BackendId, cancellationToken);
        if (backend is not { Enabled: true } || (request.BackendName is { } named && named != backend.Name))
        {
            throw new ArgumentException($"Subnet {subnetId} lives on backend '{backend?.Name}', not on '{request.BackendName}'.", nameof(request));
        }
        return (image, flavor, volumes, backend.Name);
    }

    private static void Validate(LaunchRequest request)
    {
        if (request.MinCount < 1 || request.MaxCount < request.MinCount || request.MaxCount > MaxServersPerLaunch)
        {
            throw new ArgumentOutOfRangeException(nameof(request),
                $"Need 1 ≤ MinCount ≤ MaxCount ≤ {MaxServersPerLaunch} (got {request.MinCount} and {request.MaxCount}).");
        }
        // The column sizes; front-ends enforce their own (smaller) limits first.
        if (string.IsNullOrEmpty(request.UserId))
        {
            throw new ArgumentException("A launch needs a user.", nameof(request));
        }
        EnsureAtMost(request.UserId, 64, nameof(request.UserId));
        EnsureAtMost(request.IdempotencyKey, 128, nameof(request.IdempotencyKey));
        EnsureAtMost(request.Name, 255, nameof(request.Name));
        EnsureAtMost(request.KeyName, 255, nameof(request.KeyName));
        if (request.PrivateIp is not null && request.MaxCount != 1)
        {
            throw new ArgumentException("A chosen private address is for a launch of one server.", nameof(request));
        }
        if (request.Settings.Metadata.HopLimit is < 1 or > MetadataService.MaxHopLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"The metadata hop limit must be 1-{MetadataService.MaxHopLimit}.");
        }
    }

    private static void EnsureAtMost(string? value, int length, string name)
    {
        if (value?.Length > length)
        {
            throw new ArgumentException($"{name} must be at most {length} characters.", name);
        }
    }

    private async Task<LaunchResult?> ReplayAsync(string userId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var launch = await connections.ReadAsync(db => LaunchRepository.FindAsync(db, userId, key, cancellationToken), cancellationToken);
        if (launch is null)
        {
            return null;
        }
        return launch.Fingerprint == fingerprint
            ? new LaunchResult(launch, await queries.ListLaunchAsync(userId, launch.Id, cancellationToken), Replayed: true)
            : throw new IdempotencyMismatchException(key);
    }

    /// <summary>Phase 1; null when the idempotency key turns out to be taken already.</summary>
    private async Task<Created?> CreateAsync(
        LaunchRequest request, string fingerprint, Flavor flavor, IReadOnlyList<PlannedVolume> volumes, Backend backend, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        var db = transaction.Db;
        if (request.IdempotencyKey is { } key && await LaunchRepository.FindAsync(db, request.UserId, key, cancellationToken) is not null)
        {
            return null;
        }
        var now = UnixTime.ToMicros(clock.GetUtcNow());
        Launch launch;
        try
        {
            launch = await LaunchRepository.InsertAsync(db, request.UserId, request.IdempotencyKey, fingerprint, now, cancellationToken);
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            return null;
        }

        var compute = CommissionCalculator.For(ServerAction.Build, OperState.Build, flavor);
        var perServer = volumes.Aggregate(compute, (sum, volume) => sum.Plus(VolumeQuota.Of(volume.SizeGiB)));
        var count = await quotas.CapacityAsync(db, request.UserId, perServer, request.MinCount, request.MaxCount, cancellationToken);

        // Locks the subnet: addresses are taken from its pool one launch at a time.
        var subnet = request.SubnetId is { } subnetId
            ? await SubnetRepository.LockForUserAsync(db, request.UserId, subnetId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Subnet, subnetId)
            : await SubnetRepository.LockPublicAsync(db, backend.Id, cancellationToken);
        var addresses = request.PrivateIp is { } chosen
            ? await ChosenAddressAsync(db, subnet, chosen, cancellationToken)
            : await AddressPool.FreeAsync(db, subnet.Id, subnet.Cidr, count, cancellationToken)
            ?? throw new NoBackendAvailableException($"the network {subnet.Cidr} of backend '{backend.Name}' has no {count} free addresses.");

        for (var index = 0; index < count; index++)
        {
            var server = new NewServer(
                request.UserId, request.Name ?? "", flavor.Id, request.ImageId, backend.Id, launch.Id, index,
                request.KeyName, request.PublicKey, request.UserData, addresses[index], request.Settings);
            var serverId = await ServerRepository.InsertAsync(db, server, instanceNames.For, now, cancellationToken);
            var portId = await PortService.AttachNewAsync(db, new NewPort(request.UserId, serverId, subnet.Id, 0, addresses[index], PortState.Build,
                request.Port.Description, DeleteOnTermination: request.Port.DeleteOnTermination), subnet.Cidr, now, cancellationToken);
            if (request.Port.SecurityGroupIds.Count > 0)
            {
                await portGroups.AssignAsync(db, request.UserId, portId, request.Port.SecurityGroupIds, cancellationToken);
            }
            var commission = await quotas.IssueAndAcceptCheckedAsync(db, new CommissionRequest(
                request.UserId, compute, $"launch {launch.Id}: create {instanceNames.For(serverId)}", serverId), cancellationToken);
            await ServerRepository.AttachCommissionAsync(db, serverId, commission, cancellationToken);
            for (var disk = 0; disk < volumes.Count; disk++)
            {
                var planned = volumes[disk];
                var volume = await VolumeRepository.InsertAsync(db, new NewVolume(
                    request.UserId, backend.Id, serverId, disk, planned.SizeGiB, planned.VolumeType, VolumeStatus.Creating,
                    planned.OriginImageId, planned.DeleteOnTermination, planned.DeviceName), now, cancellationToken);
                var volumeCommission = await quotas.IssueAndAcceptCheckedAsync(db, new CommissionRequest(
                    request.UserId, VolumeQuota.Of(volume.SizeGiB), $"launch {launch.Id}: create {volume.DiskName}"), cancellationToken);
                await VolumeRepository.AttachCommissionAsync(db, volume.Id, volumeCommission, cancellationToken);
            }
            await TagService.AddAsync(db, request.UserId, [new TaggedResource(TaggedResourceType.Server, serverId.ToString(CultureInfo.InvariantCulture))],
                request.Tags, UnixTime.FromMicros(now), cancellationToken);
        }
        var servers = await ServerRepository.ListByLaunchAsync(db, launch.Id, cancellationToken);
        var disks = (await VolumeRepository.ListByServersAsync(db, servers.Select(s => s.Id).ToList(), cancellationToken))
            .ToLookup(v => v.ServerId!.Value);
        var ports = (await PortRepository.ListByServersAsync(db, servers.Select(s => s.Id).ToList(), cancellationToken))
            .ToDictionary(p => p.ServerId!.Value, p => p.Id);
        await transaction.CommitAsync(cancellationToken);
        return new Created(launch, servers, disks, subnet.ToSubnet(), ports);
    }

    /// <summary>The address the caller chose, if the subnet hands it out and nothing holds it (the subnet row is locked).</summary>
    private static async Task<IReadOnlyList<string>> ChosenAddressAsync(Db db, SubnetRepository.SubnetRow subnet, string address, CancellationToken cancellationToken)
    {
        await AddressPool.EnsureFreeAsync(db, subnet.Id, subnet.Cidr, address, cancellationToken);
        return [address];
    }

    /// <summary>
    /// Phase 2: the first create job alone (if the cluster refuses it, the launch is discarded and the
    /// caller gets the error), then the others in parallel; a failure gives up that server and those
    /// not submitted yet. The servers' heartbeat tells the dispatcher this launch is alive meanwhile.
    /// </summary>
    private async Task SubmitAsync(Created created, Image image, Flavor flavor, Backend backend, string? publicKey)
    {
        var driver = await drivers.GetAsync(backend.Id, CancellationToken.None);
        // The create job carries the NIC's firewall (its profile and groups) as instance tags.
        var firewallTags = await firewall.TagsOfPortsAsync(created.Launch.UserId, created.PortIds.Values.ToList(), CancellationToken.None);
        var pending = created.Servers
            .Select(server => new PendingSubmission(server, token => driver.CreateServerAsync(
                SpecFor(server, created.Disks[server.Id].ToList(), image, flavor, publicKey) with
                {
                    Tags = firewallTags[created.PortIds[server.Id]].ToList(),
                    NicNetwork = ClusterNetworks.NetworkFor(created.Subnet),
                    NicName = ClusterNetworks.NicNameOf(created.PortIds[server.Id]),
                }, token)))
            .ToList();
        ClusterException? first = null;
        try
        {
            await clusterNetworks.EnsureAsync(created.Subnet, driver, CancellationToken.None);
        }
        catch (ClusterException error)
        {
            await DiscardAsync(created, flavor, error.Message);
            throw error.ToDomainError();
        }
        await submitter.RunAsync(pending[..1], RecordAsync, (_, error) =>
        {
            first = error;
            return Task.CompletedTask;
        });
        if (first is not null)
        {
            await DiscardAsync(created, flavor, first.Message);
            throw first.ToDomainError();
        }
        await submitter.RunAsync(pending[1..], RecordAsync, (submission, error) =>
            submitting.GiveUpAsync(submission.Server, $"Failed to submit the create job: {error.Message}", abandonedBefore: null, CancellationToken.None));

        async Task RecordAsync(PendingSubmission submission, long jobId)
        {
            await submitting.RecordJobAsync(submission.Server, jobId, abandonedBefore: null, CancellationToken.None);
            submissions.Notify(new SubmittedJob(backend.Id, jobId, ServerOperation.Create));
        }
    }

    /// <summary>The server's disks in order; the cluster names each after its volume.</summary>
    private static ServerBuildSpec SpecFor(Server server, IReadOnlyList<Volume> disks, Image image, Flavor flavor, string? publicKey) => new(
        server.InstanceName,
        flavor.Cpu,
        flavor.RamMiB,
        disks.Select(v => new DiskSpec(v.DiskName, v.SizeGiB)).ToList(),
        disks.Count == 0 ? flavor.DiskTemplate : disks[0].VolumeType,
        image.OsType,
        image.OsParametersFor(publicKey),
        server.PrivateIp,
        [])
    {
        ImportFrom = image.Export is { } export ? new ClusterExportLocation(export.Node, export.Path) : null,
    };

    /// <summary>No server reached the cluster: hand the quota back and remove the launch and its servers.</summary>
    private Task DiscardAsync(Created created, Flavor flavor, string reason) =>
        connections.WriteAsync(async db =>
        {
            foreach (var server in await ServerRepository.LockAsync(db, created.Launch.UserId, created.Servers.Select(s => s.Id).ToList(), CancellationToken.None))
            {
                await release.ReleaseAsync(db, server, flavor, reason, CancellationToken.None);
            }
            await ServerRepository.DeleteLaunchAsync(db, created.Launch.Id, CancellationToken.None);
            return true;
        }, CancellationToken.None);

    /// <param name="PortIds">Each server's primary port.</param>
    private sealed record Created(Launch Launch, IReadOnlyList<Server> Servers, ILookup<long, Volume> Disks, Subnet Subnet, IReadOnlyDictionary<long, long> PortIds);
}
