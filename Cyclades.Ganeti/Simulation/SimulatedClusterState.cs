namespace Cyclades.Ganeti.Simulation;

/// <summary>The configuration of the simulated cluster: its nodes and instances (guarded by the cluster's lock).</summary>
internal sealed class SimulatedClusterState
{
    private readonly Dictionary<string, SimulatedInstance> _instances = new(StringComparer.Ordinal);
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

    public SimulatedNode? FindNode(string name) => Nodes.FirstOrDefault(node => node.Name == name);

    public void Add(SimulatedInstance instance) => _instances.Add(instance.Name, instance);

    public void Remove(string name) => _instances.Remove(name);

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
