using System.Data.Common;
using Cyclades.Host.Health;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Logic.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Host;

/// <summary>
/// <c>/readyz</c>'s probes are shared: within <see cref="HealthOptions.CacheSeconds"/> any number of
/// readiness requests ask each cluster and the database once.
/// </summary>
public sealed class ReadinessCacheTests
{
    private const int Requests = 25;

    private readonly FakeTimeProvider _clock = new();
    private LogicHarness _logic = null!;

    [SetUp]
    public async Task CreateLogic() => _logic = await LogicHarness.CreateAsync(DatabaseProvider.Sqlite);

    [TearDown]
    public async Task DisposeLogic() => await _logic.DisposeAsync();

    [Test]
    public async Task Many_requests_within_the_window_ask_the_cluster_once_and_the_next_window_asks_again()
    {
        var check = new GanetiClustersHealthCheck(_logic.Get<BackendRegistry>(), _logic.Get<ClusterDriverCache>(), _clock, CacheFor(5));

        var first = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => CheckAsync(check)));
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        var later = await CheckAsync(check);
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(r => r.Status).Append(later.Status), Is.All.EqualTo(HealthStatus.Healthy));
            Assert.That(_logic.Driver.InfoRequests, Is.EqualTo(1));
        });

        _logic.Driver.Unreachable = true;
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var afterWindow = await CheckAsync(check);
        var again = await CheckAsync(check);
        Assert.Multiple(() =>
        {
            Assert.That((afterWindow.Status, again.Status), Is.EqualTo((HealthStatus.Unhealthy, HealthStatus.Unhealthy)));
            Assert.That(_logic.Driver.InfoRequests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Without_a_window_every_request_asks_the_cluster()
    {
        var check = new GanetiClustersHealthCheck(_logic.Get<BackendRegistry>(), _logic.Get<ClusterDriverCache>(), _clock, CacheFor(0));

        for (var i = 0; i < 3; i++)
        {
            await CheckAsync(check);
        }

        Assert.That(_logic.Driver.InfoRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task Many_requests_within_the_window_open_one_database_connection()
    {
        var connections = new CountingConnections(_logic.Get<IDbConnectionFactory>());
        var check = new DatabaseHealthCheck(connections, _logic.Get<DatabaseTarget>(), _clock, CacheFor(5));

        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => CheckAsync(check)));
        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(HealthStatus.Healthy));
        Assert.That(connections.Opened, Is.EqualTo(1));

        _clock.Advance(TimeSpan.FromSeconds(5));
        await CheckAsync(check);
        Assert.That(connections.Opened, Is.EqualTo(2));
    }

    private static IOptions<HealthOptions> CacheFor(int seconds) => Options.Create(new HealthOptions { CacheSeconds = seconds });

    private static Task<HealthCheckResult> CheckAsync(IHealthCheck check) => check.CheckHealthAsync(new HealthCheckContext());

    private sealed class CountingConnections(IDbConnectionFactory inner) : IDbConnectionFactory
    {
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public SqlDialect Dialect => inner.Dialect;

        public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opened);
            return inner.OpenAsync(cancellationToken);
        }
    }
}
