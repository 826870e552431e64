namespace Cyclades.Ganeti.Simulation;

/// <summary>The configuration of the simulated cluster: its nodes and instances (guarded by the cluster's lock).</summary>
internal sealed class SimulatedClusterState
{
    private readonly Dictionary<string, SimulatedInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedExport> _exports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedNetwork> _networks = new(StringComparer.Ordinal);
    private int _macCounter;

    public SimulatedClusterState(SimulatorOptions options, DateTimeOffset now)
    {
        Options = options;
        CreatedAt = now.ToUnixTimeMilliseconds() / 1000.0;
        Nodes = Enumerable.Range(1, Math.Max(1, options.NodeCount)).Select(index => new SimulatedNode
        {
            Name = $"node{index}.{options.ClusterName}",
            MemoryTotalMiB = options.NodeMemoryMiB,
            MemoryReservedMiB = options.NodeReservedMemoryMiB,
            DiskTotalMiB = options.NodeDiskMiB,
            Cpus = options.NodeCpus,
            PrimaryIp = $"198.51.100.{10 + index}",
        }).ToList();
    }

    public SimulatorOptions Options { get; }

    /// <summary>Changes when the cluster is rebuilt.</summary>
    public string Uuid { get; } = Guid.NewGuid().ToString();

    public double CreatedAt { get; }

    public IReadOnlyList<SimulatedNode> Nodes { get; }

    public string MasterNode => Nodes[0].Name;

    public IReadOnlyCollection<SimulatedInstance> Instances => _instances.Values;

    public SimulatedInstance? FindInstance(string name) => _instances.GetValueOrDefault(name);

    /// <summary>The simulated cluster's one node group.</summary>
    public const string NodeGroup = "default";

    public IReadOnlyCollection<SimulatedNetwork> Networks => _networks.Values;

    public SimulatedNetwork? FindNetwork(string name) => _networks.GetValueOrDefault(name);

    public void Add(SimulatedNetwork network) => _networks.Add(network.Name, network);

    public void RemoveNetwork(string name) => _networks.Remove(name);

    /// <summary>Disks detached from their instance (Ganeti keeps them in its configuration).</summary>
    public List<SimulatedDisk> DetachedDisks { get; } = [];

    public SimulatedNode? FindNode(string name) => Nodes.FirstOrDefault(node => node.Name == name);

    public void Add(SimulatedInstance instance) => _instances.Add(instance.Name, instance);

    public void Remove(string name) => _instances.Remove(name);

    /// <summary>The exports the nodes keep, by instance name (Ganeti keeps one per instance: a new one replaces it).</summary>
    public IReadOnlyCollection<SimulatedExport> Exports => _exports.Values;

    public void AddExport(SimulatedExport export) => _exports[export.InstanceName] = export;

    public SimulatedExport? FindExport(string node, string path) =>
        _exports.Values.FirstOrDefault(export => export.Node == node && export.Path == path);

    /// <summary>What an administrator's <c>gnt-backup remove</c> does.</summary>
    public bool RemoveExport(string instanceName) => _exports.Remove(instanceName);

    public long FreeMemoryMiB(SimulatedNode node) => node.FreeMemoryMiB(_instances.Values);

    /// <summary>Where the iallocator would put a new instance: the usable node with the most free memory.</summary>
    public SimulatedNode? MostFreeMemoryNode() =>
        Nodes.Where(node => !node.Drained && !node.Offline).MaxBy(FreeMemoryMiB);

    public string NextMac()
    {
        var counter = ++_macCounter;
        return $"aa:00:00:{(counter >> 16) & 0xff:x2}:{(counter >> 8) & 0xff:x2}:{counter & 0xff:x2}";
    }
}
