using System.Diagnostics.Metrics;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Persistence;
using Dapper;

namespace Cyclades.Logic.Quotas;

/// <summary>
/// The <c>commissions</c> gauge: how many commissions are in each state in the database (shared by
/// every API node, so every node reports the same numbers), without counting the whole table at each
/// scrape. Accepted and rejected commissions never change again, so those below a watermark are counted
/// once and kept in memory; a scrape counts the pending ones and the settled ones above the watermark
/// on the (state, id) index. The watermark stops below the oldest pending commission
/// and below the last <see cref="SettleMargin"/> (a row still being written may take a lower id).
/// </summary>
public sealed class CommissionMetrics
{
    internal static readonly TimeSpan SettleMargin = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    internal const string PendingSql = "SELECT COUNT(*), MIN(id) FROM commissions WHERE state = 'PENDING'";

    internal const string WatermarkSql =
        "SELECT MAX(id) FROM commissions WHERE id > @through AND id < @firstPending AND created_at < @cutoff";

    // Per settled state, a range of the (state, id) index.
    internal const string SettledRangeSql =
        "SELECT state, COUNT(*) FROM commissions WHERE state IN ('ACCEPTED', 'REJECTED') AND id > @through AND id <= @upTo GROUP BY state";

    internal const string SettledTailSql =
        "SELECT state, COUNT(*) FROM commissions WHERE state IN ('ACCEPTED', 'REJECTED') AND id > @through GROUP BY state";

    private readonly IDbConnectionFactory _connections;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Dictionary<string, long> _settledBelowWatermark = [];
    private long _watermark;

    public CommissionMetrics(IDbConnectionFactory connections, IMeterFactory meters, TimeProvider clock)
    {
        _connections = connections;
        _clock = clock;
        meters.Create(LogicMeter.Name).CreateObservableGauge(
            "commissions", Observe, unit: "{commission}", description: "Commissions in each state (pending, accepted, rejected).");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        Dictionary<string, long> counts;
        try
        {
            // Observable instruments are read synchronously by the exporter.
            counts = CountAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
        {
            return []; // the database is unreachable: /readyz says so; no made-up zeros here
        }
        return Enum.GetValues<CommissionState>().Select(state =>
            new Measurement<long>(counts.GetValueOrDefault(state.ToDb()), new KeyValuePair<string, object?>("state", state.ToDb().ToLowerInvariant())));
    }

    /// <summary>Commissions per state (the database's names), as the gauge reports them.</summary>
    internal async Task<Dictionary<string, long>> CountAsync()
    {
        using var timeout = new CancellationTokenSource(QueryTimeout);
        await _one.WaitAsync(timeout.Token);
        try
        {
            await using var connection = await _connections.OpenAsync(timeout.Token);
            var (pending, firstPending) = await connection.QuerySingleAsync<(long, long?)>(
                new CommandDefinition(PendingSql, cancellationToken: timeout.Token));
            var cutoff = UnixTime.ToMicros(_clock.GetUtcNow() - SettleMargin);
            var upTo = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                WatermarkSql, new { through = _watermark, firstPending = firstPending ?? long.MaxValue, cutoff }, cancellationToken: timeout.Token));
            if (upTo is { } newWatermark)
            {
                Add(_settledBelowWatermark, await CountByStateAsync(connection, SettledRangeSql, new { through = _watermark, upTo = newWatermark }, timeout.Token));
                _watermark = newWatermark;
            }
            var counts = new Dictionary<string, long>(_settledBelowWatermark);
            Add(counts, await CountByStateAsync(connection, SettledTailSql, new { through = _watermark }, timeout.Token));
            counts[CommissionState.Pending.ToDb()] = pending;
            return counts;
        }
        finally
        {
            _one.Release();
        }
    }

    private static async Task<IEnumerable<(string State, long Count)>> CountByStateAsync(
        System.Data.Common.DbConnection connection, string sql, object parameters, CancellationToken cancellationToken) =>
        await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));

    private static void Add(Dictionary<string, long> totals, IEnumerable<(string State, long Count)> rows)
    {
        foreach (var (state, count) in rows)
        {
            totals[state] = totals.GetValueOrDefault(state) + count;
        }
    }
}
