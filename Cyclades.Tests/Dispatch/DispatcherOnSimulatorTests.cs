using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Dispatch;

/// <summary>The dispatcher over a simulated cluster: our jobs' results, an administrator's jobs, failures.</summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DispatcherOnSimulatorTests
{
    private const string Cluster = "sim-a";
    private static readonly CancellationToken None = CancellationToken.None;
    private DispatchHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await DispatchHarness.StartAsync(DatabaseProvider.Sqlite, DispatchHarness.SimulatedClusters(100, Cluster));

    [TearDown]
    public async Task Stop() => await _harness.DisposeAsync();

    [Test]
    public async Task A_new_server_reaches_started_and_its_task_is_cleared()
    {
        var server = await _harness.LaunchAsync();

        var started = await _harness.WaitForStateAsync(server.Id, OperState.Started);

        Assert.That(started.LastJob, Is.EqualTo(new BackendJob(server.Task!.JobId!.Value, ServerOperation.Create, JobStatus.Success, null, started.LastJob!.At))
            .Using<BackendJob>((a, b) => a with { Message = null } == b));
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(_harness.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UsageDriftAsync(_harness.Database.Connections), Is.Empty);
    }
}
