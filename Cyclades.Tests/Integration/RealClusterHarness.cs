using System.Globalization;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Integration;

/// <summary>
/// The logic core and the dispatcher on MariaDB against the real Ganeti test cluster (backend
/// <see cref="Backend"/>), plus a backend <see cref="DownBackend"/> whose RAPI address is a closed
/// loopback port. Each harness has an instance-name prefix of its own, so harnesses running at the
/// same time never see each other's instances; what it leaves on the cluster is removed at the end.
/// </summary>
public sealed class RealClusterHarness : IAsyncDisposable
{
    public const string Backend = "ganeti-test";
    public const string DownBackend = "ganeti-down";
    public const string Small = "it.small";
    public const string Medium = "it.medium";
    public const string FileDisk = "it.file";
    public const long Image = 1;
    public const long FailingImage = 3;

    private RealClusterHarness(DispatchHarness harness, GanetiTestCluster cluster, string prefix)
    {
        Harness = harness;
        Cluster = cluster;
        Prefix = prefix;
    }

    public DispatchHarness Harness { get; }

    public GanetiTestCluster Cluster { get; }

    /// <summary>Instance names are <c>&lt;Prefix&gt;-&lt;server id&gt;</c>.</summary>
    public string Prefix { get; }

    /// <param name="publicSubnet">
    /// The backend's public subnet on the cluster's public network (<see cref="GanetiTestCluster.Network"/>),
    /// a block inside its range; null = a range of its own with no Ganeti network (the default link).
    /// </param>
    public static async Task<RealClusterHarness> StartAsync(string? publicSubnet = null)
    {
        var cluster = GanetiTestCluster.Instance;
        var prefix = "it" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
        var settings = DispatchHarness.FastDispatcher();
        settings["Cyclades:Dispatcher:JobScanMs"] = "500";
        settings["Cyclades:Servers:InstanceNamePrefix"] = prefix;
        AddAll(settings, cluster.HostSettings(0, Backend, subnet: publicSubnet ?? "10.77.0.0/16"));
        if (publicSubnet is not null)
        {
            settings["Cyclades:Ganeti:Clusters:0:Network"] = cluster.Network;
        }
        AddAll(settings, cluster.HostSettings(1, DownBackend, new Uri($"https://127.0.0.1:{LoopbackPort.Unused()}"), subnet: "10.78.0.0/16"));
        AddFlavor(settings, 0, Small, 1, 256, 0, "diskless");
        AddFlavor(settings, 1, Medium, 2, 512, 0, "diskless");
        AddFlavor(settings, 2, FileDisk, 1, 256, 1, "file");
        AddImage(settings, 0, "ami-00000001", "noop+default");
        AddImage(settings, 1, "ami-00000003", "noop+fail");
        var harness = await DispatchHarness.StartAsync(DatabaseProvider.MySql, settings);
        return new RealClusterHarness(harness, cluster, prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Cluster.RemoveInstancesWithPrefixAsync(Prefix);
    }

    private static void AddAll(Dictionary<string, string?> settings, Dictionary<string, string?> more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
    }

    private static void AddFlavor(Dictionary<string, string?> settings, int index, string name, int cpu, int ramMiB, int diskGiB, string template) =>
        AddAll(settings, LogicHarness.Flavor(index, name, cpu, ramMiB, diskGiB, template));

    private static void AddImage(Dictionary<string, string?> settings, int index, string id, string os)
    {
        var key = $"Cyclades:Images:{index}";
        settings[$"{key}:Id"] = id;
        settings[$"{key}:Name"] = os;
        settings[$"{key}:Os"] = os;
        settings[$"{key}:OsParameters:img_id"] = os;
    }
}
