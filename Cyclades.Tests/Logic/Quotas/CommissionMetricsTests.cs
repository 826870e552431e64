using System.Diagnostics.Metrics;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Logic.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Logic.Quotas;

/// <summary>The <c>commissions</c> gauge counts every state right while it keeps settled history in memory.</summary>
public sealed class CommissionMetricsTests(DatabaseProvider provider) : LogicTest(provider)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private ServiceProvider _meters = null!;

    [SetUp]
    public void CreateMeters() => _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [TearDown]
    public void DisposeMeters() => _meters.Dispose();

    [Test]
    public async Task Counts_each_state_as_commissions_are_issued_and_settled_across_scrapes()
    {
        var metrics = new CommissionMetrics(Logic.Get<IDbConnectionFactory>(), _meters.GetRequiredService<IMeterFactory>(), _clock);
        var old = _clock.GetUtcNow().AddMinutes(-10);
        await InsertAsync(old, "ACCEPTED", "ACCEPTED", "REJECTED");
        var stuck = await InsertAsync(old, "PENDING");
        await InsertAsync(old, "ACCEPTED", "REJECTED");
        await InsertAsync(_clock.GetUtcNow(), "ACCEPTED", "PENDING");

        Assert.That(await metrics.CountAsync(), Is.EquivalentTo(Counts(pending: 2, accepted: 4, rejected: 2)));
        Assert.That(await metrics.CountAsync(), Is.EquivalentTo(Counts(pending: 2, accepted: 4, rejected: 2)), "a second scrape, from memory and the tail");

        await Logic.ExecuteSqlAsync("UPDATE commissions SET state = 'ACCEPTED' WHERE id = @stuck", new { stuck });
        _clock.Advance(TimeSpan.FromMinutes(5));
        await InsertAsync(_clock.GetUtcNow(), "REJECTED");
        Assert.That(await metrics.CountAsync(), Is.EquivalentTo(Counts(pending: 1, accepted: 5, rejected: 3)));

        await Logic.ExecuteSqlAsync("UPDATE commissions SET state = 'REJECTED' WHERE state = 'PENDING'");
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await metrics.CountAsync(), Is.EquivalentTo(Counts(pending: 0, accepted: 5, rejected: 4)));
        Assert.That(await metrics.CountAsync(), Is.EquivalentTo(Counts(pending: 0, accepted: 5, rejected: 4)), "all below the watermark now");
    }

    private async Task<long> InsertAsync(DateTimeOffset createdAt, params string[] states)
    {
        long id = 0;
        foreach (var state in states)
        {
            await Logic.ExecuteSqlAsync(
                "INSERT INTO commissions (user_id, name, forced, state, created_at) VALUES ('user-m', 'metrics', @forced, @state, @createdAt)",
                new { forced = false, state, createdAt = UnixTime.ToMicros(createdAt) });
            id = await Logic.QuerySqlAsync<long>("SELECT MAX(id) FROM commissions");
        }
        return id;
    }

    private static Dictionary<string, long> Counts(long pending, long accepted, long rejected) =>
        new() { ["PENDING"] = pending, ["ACCEPTED"] = accepted, ["REJECTED"] = rejected };
}

/// <summary>A scrape reads the commissions table through its indexes only (SQLite's query plans): no statement scans the table.</summary>
public sealed class CommissionMetricsQueryPlanTests
{
    [TestCase(CommissionMetrics.PendingSql)]
    [TestCase(CommissionMetrics.WatermarkSql)]
    [TestCase(CommissionMetrics.SettledRangeSql)]
    [TestCase(CommissionMetrics.SettledTailSql)]
    public async Task Each_statement_searches_an_index(string sql)
    {
        await using var logic = await LogicHarness.CreateAsync(DatabaseProvider.Sqlite);

        var plan = await logic.Database.Connections.ReadAsync(async db =>
            (await db.Connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
                "EXPLAIN QUERY PLAN " + sql, new { through = 0L, firstPending = long.MaxValue, cutoff = 0L, upTo = 0L })).Select(r => r.Detail).ToList(),
            CancellationToken.None);

        Assert.That(plan, Has.Some.StartsWith("SEARCH commissions"), string.Join("; ", plan));
        Assert.That(plan, Has.None.StartsWith("SCAN commissions"), string.Join("; ", plan));
    }
}
