using System.Globalization;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Integration;

/// <summary>A fixture with one <see cref="RealClusterHarness"/> for all its tests; prints the dispatcher lag it measured.</summary>
[Category("Integration")]
[Category("MariaDb")]
public abstract class RealClusterFixture
{
    protected static readonly CancellationToken None = CancellationToken.None;
    protected static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);
    private MetricRecorder? _metrics;

    protected RealClusterHarness Real { get; private set; } = null!;

    /// <summary>See <see cref="RealClusterHarness.StartAsync"/>.</summary>
    protected virtual string? PublicSubnet => null;

    protected DispatchHarness H => Real.Harness;

    /// <summary>
    /// A /27 of the upper half of the test cluster's public network, chosen at random so that fixtures rarely meet.
    /// Read in the set-up, where a missing cluster is a skip (a failure in CI), not a type initializer's error.
    /// </summary>
    protected static string PublicBlockOfUpperHalf() =>
        $"{GanetiTestCluster.Instance.SubnetPrefix}{(128 + (32 * Random.Shared.Next(0, 4))).ToString(CultureInfo.InvariantCulture)}/27";

    [OneTimeSetUp]
    public async Task StartHarness()
    {
        Real = await RealClusterHarness.StartAsync(PublicSubnet);
        _metrics = new MetricRecorder(H.Meter);
    }

    [OneTimeTearDown]
    public async Task StopHarness()
    {
        if (_metrics is not null)
        {
            await LagReport.WriteAsync(GetType().Name, _metrics);
            _metrics.Dispose();
        }
        if (Real is not null)
        {
            await Real.DisposeAsync();
        }
    }

    /// <summary>A new user's started server, then the harness's dispatcher stopped: only reconciliation sees what an administrator does next.</summary>
    protected async Task<(Server Server, string User)> StartedWithoutDispatcherAsync()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var launched = await H.LaunchAsync(RealClusterHarness.Small, RealClusterHarness.Image, user: user);
        var server = await H.WaitForStateAsync(launched.Id, OperState.Started, JobTimeout, user);
        await H.StopAsync();
        return (server, user);
    }

    protected async Task<ClusterInstance?> InstanceAsync(string name) => (await InstancesAsync()).SingleOrDefault(i => i.Name == name);

    /// <summary>Every instance on the test cluster (other harnesses' too).</summary>
    protected async Task<IReadOnlyList<ClusterInstance>> InstancesAsync()
    {
        var driver = await H.Get<ClusterDriverCache>().GetAsync(await H.BackendIdAsync(RealClusterHarness.Backend), None);
        return await driver.ListInstancesAsync(None);
    }
}
