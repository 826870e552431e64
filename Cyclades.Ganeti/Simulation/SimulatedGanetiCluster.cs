using System.Net;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation.Operations;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// A <b>simulated</b> Ganeti cluster: nothing runs anywhere. It keeps instances, nodes and a job queue
/// in memory and speaks the Ganeti RAPI v2 JSON (the shapes recorded from a real Ganeti 3.0) through
/// an in-process <see cref="HttpMessageHandler"/> (<see cref="CreateHandler"/>), so the real RAPI
/// client and driver run unchanged over it. It is the embedded default, and a test double.
/// </summary>
/// <remarks>
/// Like Ganeti: jobs go queued → (waiting) → running → success | error after
/// <see cref="SimulatorOptions.JobLatencyMs"/>, jobs on one instance run in order, no-ops succeed
/// (starting a running instance), mistakes fail inside the job (deleting an unknown instance:
/// <c>OpPrereqError unknown_entity</c>), unknown job ids read as all-null, and running instances use
/// node memory. Tests (and the administrator of the embedded default) can act outside the API
/// (<see cref="AdminShutdown"/>, <see cref="CrashInstance"/>, …) and inject failures
/// (<see cref="FailNextJob(GanetiJobError)"/>, <see cref="FailNextRequests"/>, <see cref="Stop"/>, …).
/// Disks are simulated as on the fake hypervisor (no hotplug): add, attach, detach, remove, grow; so are NICs: add, remove.
/// Not simulated: OS parameter checks, address pools, network devices, migrations.
/// </remarks>
public sealed class SimulatedGanetiCluster
{
    /// <summary>The address clients of a simulated cluster use; it is never resolved or connected to.</summary>
    public static readonly Uri BaseAddress = new("https://simulated-ganeti.invalid:5080/");

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatedFaults _faults = new();
    private SimulatedClusterState _state;
    private SimulatedJobQueue _queue = new();

    public SimulatedGanetiCluster(SimulatorOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new SimulatorOptions();
        _time = timeProvider ?? TimeProvider.System;
        _state = new SimulatedClusterState(Options, _time.GetUtcNow());
    }

    /// <summary>Its settings; a changed <see cref="SimulatorOptions.JobLatencyMs"/> applies to later jobs.</summary>
    public SimulatorOptions Options { get; }

    public string Name => Options.ClusterName;

    internal TimeProvider Time => _time;

    /// <summary>The transport for a <see cref="RapiConnection"/> to this cluster.</summary>
    public HttpMessageHandler CreateHandler() => new SimulatedRapiHandler(this);

    /// <summary>A RAPI client of this cluster (settings: timeouts and retries; the address is ignored).</summary>
    public GanetiRapiClient CreateClient(RapiClientSettings? settings = null) =>
        new(settings ?? new RapiClientSettings(BaseAddress), CreateHandler());

    // —— Outside the API: what an administrator does on the node ——

    /// <summary>As <c>gnt-instance shutdown --submit</c>; returns the job id.</summary>
    public long AdminShutdown(string instanceName) => SubmitAsAdministrator(new ShutdownInstanceOp(instanceName, null));

    /// <summary>As <c>gnt-instance startup --submit</c>.</summary>
    public long AdminStartup(string instanceName) => SubmitAsAdministrator(new StartupInstanceOp(instanceName));

    /// <summary>As <c>gnt-instance reboot --submit</c>.</summary>
    public long AdminReboot(string instanceName) =>
        SubmitAsAdministrator(new RebootInstanceOp(instanceName, GanetiRebootTypes.Hard, null));

    /// <summary>As <c>gnt-instance remove --submit</c>.</summary>
    public long AdminRemove(string instanceName) => SubmitAsAdministrator(new RemoveInstanceOp(instanceName));

    /// <summary>As <c>gnt-instance add --submit</c> (a diskless instance).</summary>
    public long AdminCreate(string instanceName, int vcpus = 1, int memoryMiB = 128, string osType = "noop+default") =>
        SubmitAsAdministrator(new CreateInstanceOp(new InstanceCreateRequest
        {
            Name = instanceName,
            DiskTemplate = "diskless",
            OsType = osType,
            BeParams = new GanetiBeParams { VCpus = vcpus, MaxMemoryMiB = memoryMiB, MinMemoryMiB = memoryMiB },
        }, Options.DefaultHypervisor));

    /// <summary>As <c>gnt-instance modify --submit --disk add:size=…</c> (an unnamed disk unless <paramref name="diskName"/>).</summary>
    public long AdminAddDisk(string instanceName, int sizeMiB, string? diskName = null) =>
        SubmitAsAdministrator(new ModifyInstanceOp(instanceName, new InstanceModifyRequest
        {
            Disks = [new InstanceDiskChange(GanetiDiskActions.Add, InstanceDiskChange.Append, new InstanceDiskParameters { SizeMiB = sizeMiB, Name = diskName })],
        }));

    /// <summary>As <c>gnt-instance modify --submit --net add:network=…,ip=…</c> (an unnamed NIC; the simulator has no address pools).</summary>
    public long AdminAddNic(string instanceName, string? network, string? ip) =>
        SubmitAsAdministrator(new ModifyInstanceOp(instanceName, new InstanceModifyRequest
        {
            Nics = [InstanceNicChange.Add(new InstanceNicSpec { Network = network, Ip = ip })],
        }));

    /// <summary>As <c>gnt-instance modify --submit --net remove</c>: the last NIC (<c>["remove", -1, {}]</c>).</summary>
    public long AdminRemoveLastNic(string instanceName) =>
        SubmitAsAdministrator(new ModifyInstanceOp(instanceName, new InstanceModifyRequest
        {
            Nics = [InstanceNicChange.Remove(InstanceDiskChange.Append)],
        }));

    /// <summary>As <c>gnt-instance grow-disk --submit &lt;instance&gt; &lt;disk&gt; &lt;amount&gt;</c>.</summary>
    public long AdminGrowDisk(string instanceName, int diskIndex, int amountMiB) =>
        SubmitAsAdministrator(new GrowDiskOp(instanceName, diskIndex, new DiskGrowRequest(amountMiB, Absolute: false)));

    /// <summary>Names of the disks detached from every instance (Ganeti keeps them; its RAPI cannot list them).</summary>
    public IReadOnlyList<string?> ListDetachedDisks() => Read((state, _, _) => state.DetachedDisks.Select(disk => disk.Name).ToList());

    /// <summary>The hypervisor lost the instance (it crashed): it stays admin-up but no longer runs (<c>ERROR_down</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such instance.</exception>
    public void CrashInstance(string instanceName) => Change(state =>
    {
        var instance = state.FindInstance(instanceName) ?? throw new KeyNotFoundException($"no instance {instanceName}");
        instance.Running = false;
    });

    /// <summary>Drains (or undrains) a node: the iallocator stops placing instances on it.</summary>
    public void SetNodeDrained(string nodeName, bool drained) => Change(state =>
        (state.FindNode(nodeName) ?? throw new KeyNotFoundException($"no node {nodeName}")).Drained = drained);

    /// <summary>As <c>gnt-job archive</c> of every finished job: they leave the job list but stay readable by id.</summary>
    public void ArchiveFinishedJobs() => Change(_ => _queue.ArchiveFinished());

    /// <summary>Destroys and re-creates the cluster: no instances, a new uuid, job ids from 1 again.</summary>
    public void Rebuild()
    {
        lock (_gate)
        {
            _state = new SimulatedClusterState(Options, _time.GetUtcNow());
            _queue = new SimulatedJobQueue();
        }
    }

    // —— Failure injection ——

    /// <summary>The next job submitted (through the RAPI or as an administrator) fails with this error.</summary>
    public void FailNextJob(GanetiJobError error) => Change(_ => _faults.AddJobFailure(error));

    /// <summary>The next job fails with <c>OpExecError</c> and this message.</summary>
    public void FailNextJob(string message) => FailNextJob(new GanetiOpExecError(message));

    /// <summary>The next <paramref name="count"/> requests (of <paramref name="method"/>, if given) answer this HTTP status.</summary>
    public void FailNextRequests(HttpStatusCode status, int count = 1, HttpMethod? method = null) =>
        Change(_ => _faults.AddRequestFaults(new RequestFault(RequestFaultKind.HttpStatus, method, status), count));

    /// <summary>The next requests fail as if the connection were refused.</summary>
    public void MakeNextRequestsUnreachable(int count = 1, HttpMethod? method = null) =>
        Change(_ => _faults.AddRequestFaults(new RequestFault(RequestFaultKind.Unreachable, method), count));

    /// <summary>The next requests never get an answer: the client's timeout ends them.</summary>
    public void MakeNextRequestsHang(int count = 1, HttpMethod? method = null) =>
        Change(_ => _faults.AddRequestFaults(new RequestFault(RequestFaultKind.Hang, method), count));

    /// <summary>
    /// Requests of <paramref name="method"/> (null = any) to paths starting with
    /// <paramref name="pathPrefix"/> (e.g. <c>/2/instances/</c>) are answered only once
    /// <paramref name="release"/> completes, as an overloaded RAPI keeps its callers waiting; until
    /// <see cref="ClearFaults"/>.
    /// </summary>
    /// <returns>How many requests are waiting, at any time.</returns>
    public Func<int> HoldRequests(HttpMethod? method, string pathPrefix, Task release)
    {
        var hold = new RequestHold(method, pathPrefix, release);
        Change(_ => _faults.AddHold(hold));
        return () => hold.Waiting;
    }

    /// <summary>Every request fails as unreachable until <see cref="Start"/> (jobs keep their schedule).</summary>
    public void Stop() => Change(_ => _faults.Stopped = true);

    public void Start() => Change(_ => _faults.Stopped = false);

    public bool IsStopped
    {
        get { lock (_gate) { return _faults.Stopped; } }
    }

    /// <summary>Injected request failures not yet taken by a request (so how many requests met them is known).</summary>
    public int PendingRequestFaults
    {
        get { lock (_gate) { return _faults.PendingRequestFaults; } }
    }

    /// <summary>Forgets every injected failure and starts the cluster again.</summary>
    public void ClearFaults() => Change(_ => _faults.Clear());

    // —— Inspection ——

    public string Uuid => Read((state, _, _) => state.Uuid);

    public IReadOnlyList<GanetiInstance> ListInstances() =>
        Read((state, _, _) => state.Instances.OrderBy(instance => instance.Name, StringComparer.Ordinal).Select(i => i.ToModel()).ToList());

    public GanetiInstance? FindInstance(string name) => Read((state, _, _) => state.FindInstance(name)?.ToModel());

    /// <summary>The exports the nodes keep, as <c>gnt-backup list</c> shows them: (node, instance name, directory).</summary>
    public IReadOnlyList<(string Node, string InstanceName, string Path)> ListExports() =>
        Read((state, _, _) => state.Exports.Select(e => (e.Node, e.InstanceName, e.Path)).OrderBy(e => e.InstanceName, StringComparer.Ordinal).ToList());

    /// <summary>What an administrator's <c>gnt-backup remove</c> does.</summary>
    public bool AdminRemoveExport(string instanceName)
    {
        var removed = false;
        Change(state => removed = state.RemoveExport(instanceName));
        return removed;
    }

    public GanetiJob? FindJob(long id) => Read((_, queue, now) => queue.Find(id)?.ToModel(now, withResults: true));

    // —— For the RAPI handler ——

    internal T Read<T>(Func<SimulatedClusterState, SimulatedJobQueue, DateTimeOffset, T> read)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _queue.Advance(now, _state, TimeSpan.FromMinutes(Options.JobArchiveAfterMinutes));
            return read(_state, _queue, now);
        }
    }

    internal long Submit(SimulatedOp op, string? cliCommand = null) => Read((_, queue, now) =>
        queue.Submit(op, now, Options, _faults.TakeJobFailure(), cliCommand).Id);

    internal RequestHold? HoldFor(HttpMethod method, string path) => Read((_, _, _) => _faults.HoldFor(method, path));

    internal RequestFault? TakeRequestFault(HttpMethod method) => Read((_, _, _) =>
        _faults.Stopped ? new RequestFault(RequestFaultKind.Unreachable, null) : _faults.TakeFor(method));

    private long SubmitAsAdministrator(SimulatedOp op) => Submit(op, op.CliCommand);

    private void Change(Action<SimulatedClusterState> change) => Read<object?>((state, _, _) =>
    {
        change(state);
        return null;
    });
}
