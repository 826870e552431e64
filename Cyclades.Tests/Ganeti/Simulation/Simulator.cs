using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation;

namespace Cyclades.Tests.Ganeti.Simulation;

/// <summary>Helpers for tests of the simulated cluster.</summary>
internal static class Simulator
{
    public static SimulatedGanetiCluster Cluster(int latencyMs = 0, Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { JobLatencyMs = latencyMs };
        configure?.Invoke(options);
        return new SimulatedGanetiCluster(options);
    }

    public static GanetiRapiClient Client(this SimulatedGanetiCluster cluster, TimeSpan? requestTimeout = null) =>
        cluster.CreateClient(new RapiClientSettings(SimulatedGanetiCluster.BaseAddress)
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
        });

    public static InstanceCreateRequest Diskless(string name, int memoryMiB = 256, string os = "noop+default") => new()
    {
        Name = name,
        DiskTemplate = "diskless",
        OsType = os,
        BeParams = new GanetiBeParams { VCpus = 1, MaxMemoryMiB = memoryMiB, MinMemoryMiB = memoryMiB },
    };

    public static InstanceCreateRequest WithFileDisk(string name, string os) => Diskless(name, os: os) with
    {
        DiskTemplate = "file",
        Disks = [new InstanceDiskSpec(1024)],
    };

    public static async Task<GanetiJob> FinishedAsync(this GanetiRapiClient client, long jobId) =>
        await client.Jobs.WaitUntilFinishedAsync(jobId) ?? throw new AssertionException($"job {jobId} unknown");

    public static async Task<GanetiJob> RunAsync(this GanetiRapiClient client, Func<GanetiRapiClient, Task<long>> submit) =>
        await client.FinishedAsync(await submit(client));
}
