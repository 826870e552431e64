using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cyclades.Ganeti.Driver;

/// <summary>
/// <see cref="IClusterDriver"/> over the Ganeti RAPI (real or simulated): Ganeti's opcodes, statuses
/// and errors in the logic layer's words. A 4xx (or a request refused before sending) becomes
/// <see cref="ClusterRejectedException"/>; anything else that fails, <see cref="ClusterUnavailableException"/>.
/// </summary>
/// <remarks>
/// Each job submitted is logged with its id, inside the caller's logging scope (an EC2 request's id,
/// user and action), which ties the request to the Ganeti job.
/// </remarks>
/// <param name="exportRemover">Removes exports (the RAPI cannot); null = none configured.</param>
public sealed partial class GanetiClusterDriver(
    string backendName, GanetiRapiClient client, InstanceCreationDefaults defaults, ILogger<GanetiClusterDriver>? logger = null,
    ExportRemover? exportRemover = null)
    : IClusterDriver
{
    private const int MiBPerGiB = 1024;

    private readonly ILogger _logger = logger ?? NullLogger<GanetiClusterDriver>.Instance;
    private Task<bool>? _hotplugIfPossible;

    public string BackendName { get; } = backendName;

    public Task<long> CreateServerAsync(ServerBuildSpec spec, CancellationToken cancellationToken) =>
        SubmitAsync("create", GanetiOpIds.InstanceCreate, spec.InstanceName,
            token => client.Instances.CreateAsync(InstanceCreateRequestBuilder.Build(spec, defaults), token), cancellationToken);

    public Task<long> StartServerAsync(string instanceName, CancellationToken cancellationToken) =>
        SubmitAsync("start", GanetiOpIds.InstanceStartup, instanceName, token => client.Instances.StartupAsync(instanceName, token), cancellationToken);

    public Task<long> StopServerAsync(string instanceName, TimeSpan? shutdownTimeout, CancellationToken cancellationToken) =>
        SubmitAsync("stop", GanetiOpIds.InstanceShutdown, instanceName,
            token => client.Instances.ShutdownAsync(instanceName, Seconds(shutdownTimeout), token), cancellationToken);

    /// <summary>Always Ganeti's "hard" type, with the shutdown timeout in the body (as Synnefo does since 6b9f1b3f2).</summary>
    public Task<long> RebootServerAsync(string instanceName, TimeSpan? shutdownTimeout, CancellationToken cancellationToken) =>
        SubmitAsync("reboot", GanetiOpIds.InstanceReboot, instanceName,
            token => client.Instances.RebootAsync(instanceName, GanetiRebootTypes.Hard, Seconds(shutdownTimeout), token),
            cancellationToken);

    public Task<long> ResizeServerAsync(string instanceName, int cpu, int ramMiB, CancellationToken cancellationToken) =>
        SubmitAsync("resize", GanetiOpIds.InstanceSetParams, instanceName, token => client.Instances.ModifyAsync(instanceName, new InstanceModifyRequest
        {
            BeParams = new GanetiBeParams { VCpus = cpu, MinMemoryMiB = ramMiB, MaxMemoryMiB = ramMiB },
        }, token), cancellationToken);

    public Task<long> DestroyServerAsync(string instanceName, CancellationToken cancellationToken) =>
        SubmitAsync("destroy", GanetiOpIds.InstanceRemove, instanceName, token => client.Instances.DeleteAsync(instanceName, token), cancellationToken);

    /// <summary>The instance's primary node keeps its export (a local export needs no transfer between nodes).</summary>
    public Task<ClusterExportLocation> LocateExportAsync(string instanceName, CancellationToken cancellationToken) =>
        CallAsync($"locate the export of {instanceName}", async token =>
        {
            var instance = await client.Instances.GetAsync(instanceName, token);
            return new ClusterExportLocation(
                instance.PrimaryNode ?? throw new GanetiProtocolException($"instance {instanceName} has no primary node"),
                RapiPaths.NodeExportDirectory(instanceName));
        }, cancellationToken);

    public Task<long> ExportServerAsync(string instanceName, string node, bool shutdown, CancellationToken cancellationToken) =>
        SubmitAsync("export", GanetiOpIds.BackupExport, instanceName,
            token => client.Instances.ExportAsync(instanceName, new InstanceExportRequest(node, shutdown), token), cancellationToken);

    /// <summary>The export's directory is named after its instance (<see cref="RapiPaths.NodeExportDirectory"/>).</summary>
    public async Task RemoveExportAsync(ClusterExportLocation export, CancellationToken cancellationToken)
    {
        var instanceName = Path.GetFileName(export.Path);
        if (RapiPaths.NodeExportDirectory(instanceName) != export.Path)
        {
            throw new ClusterRejectedException(BackendName, $"'{export.Path}' is not a Ganeti export directory");
        }
        try
        {
            await (exportRemover ?? ExportRemover.For([], TimeSpan.Zero)).RemoveAsync(instanceName, export.Node, cancellationToken);
        }
        catch (ExportRemovalException e)
        {
            throw new ClusterUnavailableException(BackendName, $"remove the export of {instanceName}: {e.Message}", e);
        }
    }

    public Task<long> AddDiskAsync(string instanceName, string diskName, int sizeGiB, CancellationToken cancellationToken) =>
        ChangeDiskAsync("add disk to", instanceName, InstanceDiskChange.Add(sizeGiB * MiBPerGiB, diskName), null, cancellationToken);

    public Task<long> AttachDiskAsync(string instanceName, string diskName, long? afterJobId, CancellationToken cancellationToken) =>
        ChangeDiskAsync("attach disk to", instanceName, InstanceDiskChange.Attach(diskName), afterJobId, cancellationToken);

    public Task<long> DetachDiskAsync(string instanceName, string diskName, CancellationToken cancellationToken) =>
        ChangeDiskAsync("detach disk from", instanceName, InstanceDiskChange.Detach(diskName), null, cancellationToken);

    public Task<long> RemoveDiskAsync(string instanceName, string diskName, long? afterJobId, CancellationToken cancellationToken) =>
        ChangeDiskAsync("remove disk from", instanceName, InstanceDiskChange.Remove(diskName), afterJobId, cancellationToken);

    public Task<long> CreateVolumeKeeperAsync(VolumeKeeperSpec spec, CancellationToken cancellationToken) =>
        SubmitAsync("create volume keeper", GanetiOpIds.InstanceCreate, spec.InstanceName,
            token => client.Instances.CreateAsync(InstanceCreateRequestBuilder.Keeper(spec, defaults), token), cancellationToken);

    public Task<long> GrowDiskAsync(string instanceName, int diskIndex, int sizeGiB, CancellationToken cancellationToken) =>
        SubmitAsync("grow disk of", GanetiOpIds.InstanceGrowDisk, instanceName,
            token => client.Disks.GrowAsync(instanceName, diskIndex, sizeGiB * MiBPerGiB, token), cancellationToken);

    /// <summary>On the NIC's network with the core's address, else (the backend's public network) as a new server's first NIC.</summary>
    public Task<long> AddNicAsync(string instanceName, ClusterNicSpec nic, CancellationToken cancellationToken) =>
        ChangeNicAsync("add NIC to", instanceName, InstanceNicChange.Add(InstanceCreateRequestBuilder.Nic(nic.Network, nic.Ip, nic.Name, defaults.Network)),
            cancellationToken);

    public Task<long> RemoveNicAsync(string instanceName, string nicName, CancellationToken cancellationToken) =>
        ChangeNicAsync("remove NIC from", instanceName, InstanceNicChange.Remove(nicName), cancellationToken);

    public Task<long> AddTagsAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        SubmitAsync("tag", GanetiOpIds.TagsSet, instanceName, token => client.Tags.AddAsync(instanceName, tags, token), cancellationToken);

    public Task<long> RemoveTagsAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        SubmitAsync("untag", GanetiOpIds.TagsDelete, instanceName, token => client.Tags.RemoveAsync(instanceName, tags, token), cancellationToken);

    public Task<ClusterInstance?> GetInstanceAsync(string instanceName, CancellationToken cancellationToken) =>
        CallAsync($"read instance {instanceName}", async token =>
        {
            try
            {
                return GanetiInstanceMapping.ToClusterInstance(await client.Instances.GetAsync(instanceName, token), defaults.Network);
            }
            catch (GanetiNotFoundException)
            {
                return (ClusterInstance?)null;
            }
        }, cancellationToken);

    public Task<ClusterJob?> GetJobAsync(long jobId, CancellationToken cancellationToken) =>
        CallAsync($"read job {jobId}", async token =>
            await client.Jobs.GetAsync(jobId, token) is { } job ? GanetiJobMapping.ToClusterJob(job, defaults.Network) : null, cancellationToken);

    public Task<ClusterJob?> WaitForJobChangeAsync(long jobId, JobStatus? knownStatus, CancellationToken cancellationToken) =>
        CallAsync($"wait for job {jobId}", async token =>
        {
            var known = knownStatus is { } status ? GanetiJobMapping.ToGanetiStatus(status) : null;
            return await client.Jobs.WaitForStatusChangeAsync(jobId, known, token) is { } job
                ? GanetiJobMapping.ToClusterJob(job, defaults.Network)
                : null;
        }, cancellationToken);

    public Task<IReadOnlyList<ClusterJob>> ListJobsAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<ClusterJob>>("list jobs", async token =>
            (await client.Jobs.ListAsync(token)).Where(job => job.Exists).Select(job => GanetiJobMapping.ToClusterJob(job, defaults.Network)).ToList(),
            cancellationToken);

    public Task<IReadOnlyList<ClusterInstance>> ListInstancesAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<ClusterInstance>>("list instances", async token =>
            (await client.Instances.ListAsync(token)).Select(instance => GanetiInstanceMapping.ToClusterInstance(instance, defaults.Network)).ToList(),
            cancellationToken);

    public Task<ClusterInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        CallAsync("read cluster info", async token =>
        {
            var info = client.Cluster.GetInfoAsync(token);
            var nodes = client.Nodes.ListAsync(token);
            await Task.WhenAll(info, nodes);
            return GanetiInstanceMapping.ToClusterInfo(info.Result, nodes.Result);
        }, cancellationToken);

    /// <summary>
    /// <c>POST /2/networks</c> if the cluster has no such network, then <c>PUT …/connect</c> to every
    /// node group it is not connected to yet (mode and link from the configuration, the link by default
    /// the cluster's default NIC link), each job waited for.
    /// </summary>
    public Task EnsureNetworkAsync(ClusterNetworkSpec spec, CancellationToken cancellationToken) =>
        CallAsync($"ensure network {spec.Name}", async token =>
        {
            var network = await client.Networks.FindAsync(spec.Name, token);
            if (network is null)
            {
                var created = await client.Networks.CreateAsync(
                    new NetworkCreateRequest { Name = spec.Name, Network = spec.Cidr, Gateway = spec.Gateway }, token);
                LogSubmitted(_logger, created, GanetiOpIds.NetworkAdd, spec.Name, BackendName);
                await WaitForSuccessAsync(created, $"create network {spec.Name}", token);
            }
            var connected = network?.ConnectedGroups ?? [];
            var missing = (await client.Groups.ListNamesAsync(token)).Except(connected, StringComparer.Ordinal).ToList();
            if (missing.Count == 0)
            {
                return true;
            }
            var link = defaults.PrivateNetworkLink ?? await DefaultLinkAsync(token);
            foreach (var group in missing)
            {
                var job = await client.Networks.ConnectAsync(spec.Name,
                    new NetworkConnectRequest { GroupName = group, Mode = defaults.PrivateNetworkMode, Link = link }, token);
                LogSubmitted(_logger, job, GanetiOpIds.NetworkConnect, spec.Name, BackendName);
                await WaitForSuccessAsync(job, $"connect network {spec.Name} to group {group}", token);
            }
            return true;
        }, cancellationToken);

    private async Task<string> DefaultLinkAsync(CancellationToken cancellationToken) =>
        (await client.Cluster.GetInfoAsync(cancellationToken)).NicParams?.GetValueOrDefault("default")?.GetValueOrDefault("link")
        ?? throw new GanetiInvalidRequestException("the cluster has no default NIC link; set PrivateNetworkLink");

    private async Task WaitForSuccessAsync(long jobId, string action, CancellationToken cancellationToken)
    {
        var job = await client.Jobs.WaitUntilFinishedAsync(jobId, cancellationToken);
        if (job?.Status != GanetiJobStatuses.Success)
        {
            throw new GanetiInvalidRequestException(
                $"{action}: job {jobId} ended {job?.Status ?? "unknown"}{(job?.FirstError is { } error ? $": {error.Message}" : "")}");
        }
    }

    private Task<long> ChangeDiskAsync(
        string action, string instanceName, InstanceDiskChange change, long? afterJobId, CancellationToken cancellationToken) =>
        SubmitAsync(action, GanetiOpIds.InstanceSetParams, instanceName, async token =>
            await client.Disks.ChangeAsync(instanceName, change, await HotplugIfPossibleAsync(token) ? true : null, afterJobId, token),
            cancellationToken);

    private Task<long> ChangeNicAsync(string action, string instanceName, InstanceNicChange change, CancellationToken cancellationToken) =>
        SubmitAsync(action, GanetiOpIds.InstanceSetParams, instanceName, async token =>
            await client.Instances.ModifyAsync(instanceName,
                new InstanceModifyRequest { Nics = [change], HotplugIfPossible = await HotplugIfPossibleAsync(token) ? true : null }, token),
            cancellationToken);

    /// <summary>
    /// Ganeti 3.0 (and 2.x) take <c>hotplug_if_possible</c>: hotplug where the hypervisor can, a
    /// configuration change otherwise. 3.1 removed the parameter (HTTP 400) and hotplugs by default,
    /// so it is sent only to clusters older than 3.1. Asked once per driver.
    /// </summary>
    private Task<bool> HotplugIfPossibleAsync(CancellationToken cancellationToken)
    {
        var known = _hotplugIfPossible;
        if (known is { IsCompletedSuccessfully: true })
        {
            return known;
        }
        return _hotplugIfPossible = ReadAsync();

        async Task<bool> ReadAsync()
        {
            var version = (await client.Cluster.GetInfoAsync(cancellationToken)).SoftwareVersion;
            return Version.TryParse(version.Split(' ', '~', '-')[0], out var parsed) && parsed < new Version(3, 1);
        }
    }

    private async Task<long> SubmitAsync(
        string action, string opCode, string instanceName, Func<CancellationToken, Task<long>> submit, CancellationToken cancellationToken)
    {
        var jobId = await CallAsync($"{action} {instanceName}", submit, cancellationToken);
        LogSubmitted(_logger, jobId, opCode, instanceName, BackendName);
        return jobId;
    }

    private async Task<T> CallAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception e) when (e is GanetiRequestRejectedException or GanetiInvalidRequestException)
        {
            // The user is told only that the zone refused; the cluster's words are for the operator.
            LogRejected(_logger, e is GanetiAuthenticationException ? LogLevel.Error : LogLevel.Warning,
                BackendName, action, (e as GanetiHttpException)?.StatusCode is { } status ? (int)status : null,
                e.Message, (e as GanetiHttpException)?.Explanation);
            throw new ClusterRejectedException(BackendName, $"{action}: {e.Message}", e);
        }
        catch (Exception e) when (e is GanetiException or FormatException)
        {
            throw new ClusterUnavailableException(BackendName, $"{action}: {e.Message}", e);
        }
    }

    [LoggerMessage(Message = "Ganeti cluster {Cluster} refused {Action} (HTTP {Status}): {ClusterMessage} ({Explanation}); " +
        "a 401/403 means the RAPI credentials or the RAPI user's rights need the operator")]
    private static partial void LogRejected(ILogger logger, LogLevel level, string cluster, string action, int? status, string clusterMessage, string? explanation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submitted Ganeti job {JobId}: {OpCode} {Instance} on {Cluster}")]
    private static partial void LogSubmitted(ILogger logger, long jobId, string opCode, string instance, string cluster);

    /// <summary>Whole seconds, rounded up (Ganeti takes integers); null keeps Ganeti's default (120 s).</summary>
    private static int? Seconds(TimeSpan? timeout) =>
        timeout is { } value ? (int)Math.Clamp(Math.Ceiling(value.TotalSeconds), 0, int.MaxValue) : null;
}
