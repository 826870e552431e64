using System.Globalization;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Errors;
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

    public static async Task<RealClusterHarness> StartAsync()
    {
        var cluster = GanetiTestCluster.Instance;
        var prefix = "it" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
        var settings = DispatchHarness.FastDispatcher();
        settings["Cyclades:Dispatcher:JobScanMs"] = "500";
        settings["Cyclades:Servers:InstanceNamePrefix"] = prefix;
        AddCluster(settings, 0, Backend, cluster.Url.ToString(), cluster);
        AddCluster(settings, 1, DownBackend, $"https://127.0.0.1:{LoopbackPort.Unused()}", cluster);
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
        using var client = Cluster.CreateClient();
        foreach (var instance in await client.Instances.ListNamesAsync())
        {
            if (instance.StartsWith(Prefix + "-", StringComparison.Ordinal))
            {
                try
                {
                    await client.Jobs.WaitUntilFinishedAsync(await client.Instances.DeleteAsync(instance));
                }
                catch (GanetiException e)
                {
                    await TestContext.Progress.WriteLineAsync($"cleanup of {instance}: {e.Message}");
                }
            }
        }
    }

    private static void AddCluster(Dictionary<string, string?> settings, int index, string name, string url, GanetiTestCluster cluster)
    {
        var key = $"Cyclades:Ganeti:Clusters:{index}";
        settings[$"{key}:Name"] = name;
        settings[$"{key}:Url"] = url;
        settings[$"{key}:User"] = cluster.User;
        settings[$"{key}:Password"] = cluster.Password;
        settings[$"{key}:Hypervisor"] = "fake";
        settings[$"{key}:Subnet"] = $"10.{77 + index}.0.0/16";
        if (cluster.CertificateSha256 is { } fingerprint && index == 0)
        {
            settings[$"{key}:CertificateFingerprint"] = fingerprint;
        }
        else
        {
            settings[$"{key}:InsecureSkipTlsVerify"] = "true";
        }
    }

    private static void AddFlavor(Dictionary<string, string?> settings, int index, string name, int cpu, int ramMiB, int diskGiB, string template)
    {
        foreach (var (key, value) in LogicHarness.Flavor(index, name, cpu, ramMiB, diskGiB, template))
        {
            settings[key] = value;
        }
    }

    private static void AddImage(Dictionary<string, string?> settings, int index, string id, string os)
    {
        var key = $"Cyclades:Images:{index}";
        settings[$"{key}:Id"] = id;
        settings[$"{key}:Name"] = os;
        settings[$"{key}:Os"] = os;
        settings[$"{key}:OsParameters:img_id"] = os;
    }
}
