using Cyclades.Logic.Backends;

namespace Cyclades.Tests.Logic.Support;

/// <summary>A job the logic submitted, as the recording driver saw it.</summary>
public sealed record SubmittedJob(
    long Id,
    ServerOperation Operation,
    string InstanceName,
    ServerBuildSpec? Spec = null,
    TimeSpan? ShutdownTimeout = null,
    int? Cpu = null,
    int? RamMiB = null,
    ClusterDiskChange? Disk = null,
    ClusterNicChange? Nic = null,
    IReadOnlyList<string>? Tags = null);

/// <summary>
/// Test double of one cluster for the logic tests: records every submitted job, hands out job ids,
/// reports the statuses the test sets, and fails when told to. (The real cluster is exercised by the
/// Ganeti integration tests.)
/// </summary>
public sealed class RecordingClusterDriver(string backend, long firstJobId) : IClusterDriver
{
    private readonly Lock _lock = new();
    private readonly List<SubmittedJob> _jobs = [];
    private readonly List<ClusterExportLocation> _removedExports = [];
    private readonly Dictionary<long, JobStatus> _statuses = [];
    private long _nextJobId = firstJobId;
    private int _infoRequests;
    private Func<ServerOperation, Exception?>? _failure;

    public string Backend => backend;

    public long FreeMemoryMiB { get; set; } = 64 * 1024;

    public bool Unreachable { get; set; }

    /// <summary>The disk templates the cluster says it enables.</summary>
    public IReadOnlyList<string> DiskTemplates { get; set; } = ["diskless", "file", "plain"];

    /// <summary>How long each submission takes (widens race windows in concurrency tests).</summary>
    public TimeSpan SubmitDelay { get; set; }

    /// <summary>Awaited before each submission (a test holds the cluster call in flight).</summary>
    public Func<ServerOperation, Task>? BeforeSubmit { get; set; }

    public IReadOnlyList<SubmittedJob> Jobs
    {
        get
        {
            lock (_lock)
            {
                return _jobs.ToList();
            }
        }
    }

    public SubmittedJob Job(long id) => Jobs.Single(j => j.Id == id);

    /// <summary>
    /// Submissions of <paramref name="operation"/> (null = any) fail with what <paramref name="failure"/>
    /// makes, after the first <paramref name="after"/> of them succeed.
    /// </summary>
    public void FailSubmissions(Func<Exception> failure, ServerOperation? operation = null, int after = 0)
    {
        var allowed = after;
        lock (_lock)
        {
            _failure = op => (operation is null || op == operation) && allowed-- <= 0 ? failure() : null;
        }
    }

    public void StopFailing()
    {
        lock (_lock)
        {
            _failure = null;
        }
    }

    public ClusterUnavailableException Unavailable() => new(backend, "connection refused");

    public ClusterRejectedException Rejected() => new(backend, "HTTP 400: bad request");

    public void SetStatus(long jobId, JobStatus status)
    {
        lock (_lock)
        {
            _statuses[jobId] = status;
        }
    }

    public Task<long> CreateServerAsync(ServerBuildSpec spec, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Create, spec.InstanceName, Spec: spec));

    private readonly List<ClusterNetworkSpec> _networks = [];

    /// <summary>Every network made ready, in order.</summary>
    public IReadOnlyList<ClusterNetworkSpec> Networks
    {
        get
        {
            lock (_networks)
            {
                return _networks.ToList();
            }
        }
    }

    public Task EnsureNetworkAsync(ClusterNetworkSpec spec, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw Unavailable();
        }
        lock (_networks)
        {
            _networks.Add(spec);
        }
        return Task.CompletedTask;
    }

    public Task<long> StartServerAsync(string instanceName, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Start, instanceName));

    public Task<long> StopServerAsync(string instanceName, TimeSpan? shutdownTimeout, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Stop, instanceName, ShutdownTimeout: shutdownTimeout));

    public Task<long> RebootServerAsync(string instanceName, TimeSpan? shutdownTimeout, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Reboot, instanceName, ShutdownTimeout: shutdownTimeout));

    public Task<long> ResizeServerAsync(string instanceName, int cpu, int ramMiB, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Modify, instanceName, Cpu: cpu, RamMiB: ramMiB));

    public Task<long> DestroyServerAsync(string instanceName, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Destroy, instanceName));

    public Task<ClusterExportLocation> LocateExportAsync(string instanceName, CancellationToken cancellationToken) =>
        Task.FromResult(new ClusterExportLocation($"node1.{backend}", $"/var/lib/ganeti/export/{instanceName}"));

    public Task<long> ExportServerAsync(string instanceName, string node, bool shutdown, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Export, instanceName));

    /// <summary>The exports removed, in order.</summary>
    public IReadOnlyList<ClusterExportLocation> RemovedExports
    {
        get
        {
            lock (_lock)
            {
                return _removedExports.ToList();
            }
        }
    }

    /// <summary>Export removals fail (as a cluster that is away, or a failing removal command).</summary>
    public bool FailExportRemovals { get; set; }

    public Task RemoveExportAsync(ClusterExportLocation export, CancellationToken cancellationToken)
    {
        if (FailExportRemovals)
        {
            throw Unavailable();
        }
        lock (_lock)
        {
            _removedExports.Add(export);
        }
        return Task.CompletedTask;
    }

    public Task<long> AddDiskAsync(string instanceName, string diskName, int sizeGiB, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.AttachDisk, instanceName, Disk: new ClusterDiskChange(diskName, null, sizeGiB * 1024)));

    public Task<long> AttachDiskAsync(string instanceName, string diskName, long? afterJobId, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.AttachDisk, instanceName, Disk: new ClusterDiskChange(diskName, null, null)));

    public Task<long> DetachDiskAsync(string instanceName, string diskName, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.DetachDisk, instanceName, Disk: new ClusterDiskChange(diskName, null, null)));

    public Task<long> RemoveDiskAsync(string instanceName, string diskName, long? afterJobId, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.RemoveDisk, instanceName, Disk: new ClusterDiskChange(diskName, null, null)));

    public Task<long> CreateVolumeKeeperAsync(VolumeKeeperSpec spec, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.Create, spec.InstanceName));

    public Task<long> GrowDiskAsync(string instanceName, int diskIndex, int sizeGiB, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.GrowDisk, instanceName, Disk: new ClusterDiskChange(null, diskIndex, sizeGiB * 1024)));

    public Task<long> AddNicAsync(string instanceName, ClusterNicSpec nic, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.AddNic, instanceName,
            Nic: new ClusterNicChange(nic.Name, null, nic.Ip, nic.Network, null, Hotplugged: false)));

    public Task<long> RemoveNicAsync(string instanceName, string nicName, CancellationToken cancellationToken) =>
        SubmitAsync(id => new SubmittedJob(id, ServerOperation.RemoveNic, instanceName,
            Nic: new ClusterNicChange(nicName, null, null, null, null, Hotplugged: false)));

    private readonly Dictionary<string, List<string>> _instanceTags = [];

    /// <summary>The cluster has this instance from now on (with these tags); until then it has none.</summary>
    public void AddInstance(string instanceName, params string[] tags)
    {
        lock (_lock)
        {
            _instanceTags[instanceName] = [.. tags];
        }
    }

    /// <summary>The tags of an instance added by <see cref="AddInstance"/>, as the tag jobs left them (each job succeeds at once).</summary>
    public IReadOnlyList<string> TagsOf(string instanceName)
    {
        lock (_lock)
        {
            return _instanceTags[instanceName].ToList();
        }
    }

    public async Task<long> AddTagsAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var id = await SubmitAsync(id => new SubmittedJob(id, ServerOperation.Tags, instanceName, Tags: tags));
        ChangeTags(instanceName, present => present.AddRange(tags.Where(tag => !present.Contains(tag))));
        return id;
    }

    public async Task<long> RemoveTagsAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var id = await SubmitAsync(id => new SubmittedJob(id, ServerOperation.Tags, instanceName, Tags: tags));
        ChangeTags(instanceName, present => present.RemoveAll(tags.Contains));
        return id;
    }

    private void ChangeTags(string instanceName, Action<List<string>> change)
    {
        lock (_lock)
        {
            if (_instanceTags.TryGetValue(instanceName, out var present))
            {
                change(present);
            }
        }
    }

    /// <summary>Only instances added by <see cref="AddInstance"/> exist (their disks are not modelled).</summary>
    public Task<ClusterInstance?> GetInstanceAsync(string instanceName, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw Unavailable();
        }
        lock (_lock)
        {
            return Task.FromResult(_instanceTags.TryGetValue(instanceName, out var tags)
                ? new ClusterInstance(instanceName, true, true, 1, 512, [], [], tags.ToList())
                : null);
        }
    }

    public Task<ClusterJob?> GetJobAsync(long jobId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var job = _jobs.FirstOrDefault(j => j.Id == jobId);
            return Task.FromResult(job is null
                ? null
                : new ClusterJob(jobId, _statuses.GetValueOrDefault(jobId, JobStatus.Queued),
                    [new ClusterJobOperation(job.Operation, job.InstanceName, JobStatus.Queued, null, job.Cpu, job.RamMiB, job.Disk, job.Nic)],
                    null, null, null));
        }
    }

    public Task<ClusterJob?> WaitForJobChangeAsync(long jobId, JobStatus? knownStatus, CancellationToken cancellationToken) =>
        GetJobAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<ClusterJob>> ListJobsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The logic does not list jobs.");

    public Task<IReadOnlyList<ClusterInstance>> ListInstancesAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The logic does not list instances.");

    /// <summary>How many times the cluster was asked for its info (a RAPI call each on a real cluster).</summary>
    public int InfoRequests => Volatile.Read(ref _infoRequests);

    /// <summary>How long the cluster takes to answer for its info.</summary>
    public TimeSpan InfoDelay { get; set; }

    public async Task<ClusterInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _infoRequests);
        if (InfoDelay > TimeSpan.Zero)
        {
            await Task.Delay(InfoDelay, cancellationToken);
        }
        return Unreachable
            ? throw Unavailable()
            : new ClusterInfo($"{backend}-id", backend, "3.0.2", FreeMemoryMiB, 128 * 1024, 1 << 20, 1, DiskTemplates);
    }

    private async Task<long> SubmitAsync(Func<long, SubmittedJob> job)
    {
        var operation = job(0).Operation;
        if (SubmitDelay > TimeSpan.Zero)
        {
            await Task.Delay(SubmitDelay);
        }
        if (BeforeSubmit is { } before)
        {
            await before(operation);
        }
        lock (_lock)
        {
            var id = _nextJobId;
            var submitted = job(id);
            if (_failure?.Invoke(submitted.Operation) is { } failure)
            {
                throw failure;
            }
            _nextJobId++;
            _jobs.Add(submitted);
            return id;
        }
    }
}

/// <summary>One <see cref="RecordingClusterDriver"/> per backend name; job ids do not overlap between them.</summary>
public sealed class RecordingClusterDriverFactory : IClusterDriverFactory
{
    private readonly Dictionary<string, RecordingClusterDriver> _drivers = [];
    private readonly Lock _lock = new();

    public List<(string Backend, BackendEndpoint Endpoint)> Created { get; } = [];

    public RecordingClusterDriver For(string backend)
    {
        lock (_lock)
        {
            if (!_drivers.TryGetValue(backend, out var driver))
            {
                driver = new RecordingClusterDriver(backend, firstJobId: 1_000_000 * (_drivers.Count + 1));
                _drivers[backend] = driver;
            }
            return driver;
        }
    }

    public IClusterDriver Create(string backendName, BackendEndpoint endpoint)
    {
        lock (_lock)
        {
            Created.Add((backendName, endpoint));
        }
        return For(backendName);
    }
}
