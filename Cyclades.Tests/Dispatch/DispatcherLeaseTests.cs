using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Dispatch;

/// <summary>One active dispatcher per backend among processes sharing a database; a standby takes over.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public sealed class DispatcherLeaseTests(DatabaseProvider provider)
{
    private const string Cluster = "sim-a";
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task The_lease_is_held_by_one_holder_until_it_expires_or_is_released()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var backendId = await InsertBackendAsync(database);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var leases = new DispatcherLeases(database.Connections, clock, Options.Create(new DispatcherOptions { LeaseTtlMs = 10_000 }));

        Assert.That(await leases.TryAcquireAsync(backendId, "a", None), Is.True);
        Assert.That(await leases.TryAcquireAsync(backendId, "b", None), Is.False);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.That(await leases.TryAcquireAsync(backendId, "a", None), Is.True, "renewed");
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.That(await leases.TryAcquireAsync(backendId, "b", None), Is.False, "the renewal moved the expiry");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await leases.TryAcquireAsync(backendId, "b", None), Is.True, "expired: taken over");
        Assert.That(await leases.TryAcquireAsync(backendId, "a", None), Is.False, "the old holder cannot renew");
        await leases.ReleaseAsync(backendId, "a", None);
        Assert.That(await leases.TryAcquireAsync(backendId, "a", None), Is.False, "only the holder releases");
        await leases.ReleaseAsync(backendId, "b", None);
        Assert.That(await leases.TryAcquireAsync(backendId, "a", None), Is.True, "released: free at once");

        var lease = (await leases.ListAsync(None)).Single();
        Assert.That((lease.BackendId, lease.Holder, lease.AcquiredAt), Is.EqualTo((backendId, "a", clock.GetUtcNow())));
    }

    [Test]
    public async Task Racing_holders_never_both_win()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var backendId = await InsertBackendAsync(database);
        var leases = new DispatcherLeases(database.Connections, TimeProvider.System, Options.Create(new DispatcherOptions()));

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => leases.TryAcquireAsync(backendId, $"holder-{i}", None))));

        Assert.That(wins.Count(won => won), Is.EqualTo(1));
    }

    [Test]
    public async Task A_standby_process_takes_over_when_the_leader_stops_or_dies()
    {
        var simulators = new SimulatedClusterRegistry(Options.Create(new GanetiOptions { Simulator = { JobLatencyMs = 100 } }), TimeProvider.System);
        var settings = DispatchHarness.SimulatedClusters(100, Cluster);
        await using var first = await DispatchHarness.StartAsync(provider, settings, simulators: simulators);
        var backendId = await first.BackendIdAsync(Cluster);
        await Eventually.HoldsAsync(() => first.Leadership.IsLeader(backendId), "the first process leads");
        var leases = first.Get<DispatcherLeases>();
        var held = (await leases.ListAsync(None)).Single(l => l.BackendId == backendId);
        await using var second = await DispatchHarness.StartAsync(provider, settings, first.Database, simulators);
        await using var third = await DispatchHarness.StartAsync(provider, settings, first.Database, simulators);
        // The later event that proves the standbys waited: the leader renewed past the end of the lease it held when they
        // started, so that lease would have expired (and been taken) had the leader not kept it.
        await Eventually.HoldsAsync(async () => (await leases.ListAsync(None)).Single(l => l.BackendId == backendId).RenewedAt > held.ExpiresAt,
            "the leader renewed past its earlier lease's expiry");
        Assert.That(second.Leadership.IsLeader(backendId) || third.Leadership.IsLeader(backendId), Is.False, "standbys wait");
        Assert.That((await leases.ListAsync(None)).Single(l => l.BackendId == backendId).Holder, Is.EqualTo(held.Holder));

        await first.StopAsync();
        await Eventually.HoldsAsync(() => second.Leadership.IsLeader(backendId) ^ third.Leadership.IsLeader(backendId), "a standby took over");
        var (leader, standby) = second.Leadership.IsLeader(backendId) ? (second, third) : (third, second);
        var server = await standby.LaunchAsync();
        await standby.WaitForStateAsync(server.Id, OperState.Started);

        await leader.CrashAsync();
        await Eventually.HoldsAsync(() => standby.Leadership.IsLeader(backendId), "the last standby took over once the lease expired");
        await standby.Commands.StopAsync(DispatchHarness.User, server.Id, null, None);
        await standby.WaitForStateAsync(server.Id, OperState.Stopped);
    }

    private static async Task<long> InsertBackendAsync(TestDatabase database) =>
        await database.Connections.WriteAsync(db => db.InsertAsync(
            """
            INSERT INTO backends (name, url, simulated, enabled, drained, network_cidr, created_at, updated_at)
            VALUES ('b', 'https://127.0.0.1:1', 1, 1, 0, '10.0.0.0/16', 0, 0)
            """, new { }, None), None);
}
