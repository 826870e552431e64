using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Ganeti.Simulation;

/// <summary>Helpers for tests of the simulated cluster.</summary>
internal static class Simulator
{
    public static SimulatedGanetiCluster Cluster(int latencyMs = 0, Action<SimulatorOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new SimulatorOptions { JobLatencyMs = latencyMs };
        configure?.Invoke(options);
        return new SimulatedGanetiCluster(options, time);
    }

    /// <summary>
    /// Moves the simulator's fake clock on in <paramref name="step"/>s until <paramref name="pending"/> completes (a
    /// long poll registers its timer at some point of real time; stepping wakes it whenever it did); fails past
    /// <paramref name="limit"/> of fake time.
    /// </summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(this FakeTimeProvider time, Task<T> pending, TimeSpan step, TimeSpan limit)
    {
        var end = time.GetUtcNow() + limit;
        while (!pending.IsCompleted)
        {
            if (time.GetUtcNow() + step > end)
            {
                Assert.Fail($"still pending after {limit} of simulated time");
            }
            time.Advance(step);
            await Task.WhenAny(pending, Task.Delay(5));
        }
        return await pending;
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
