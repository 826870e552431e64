using System.Diagnostics.Metrics;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Persistence;
using Dapper;

namespace Cyclades.Logic.Quotas;

/// <summary>
/// The <c>commissions</c> gauge: how many commissions are in each state, counted in the database
/// whenever the gauge is observed (one grouped count per scrape). Shared by every API node, so
/// every node reports the same numbers.
/// </summary>
public sealed class CommissionMetrics
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private readonly IDbConnectionFactory _connections;

    public CommissionMetrics(IDbConnectionFactory connections, IMeterFactory meters)
    {
        _connections = connections;
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

    private async Task<Dictionary<string, long>> CountAsync()
    {
        using var timeout = new CancellationTokenSource(QueryTimeout);
        await using var connection = await _connections.OpenAsync(timeout.Token);
        var rows = await connection.QueryAsync<(string State, long Count)>(
            new CommandDefinition("SELECT state, COUNT(*) FROM commissions GROUP BY state", cancellationToken: timeout.Token));
        return rows.ToDictionary(r => r.State, r => r.Count);
    }
}
