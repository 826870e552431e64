using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cyclades.Host.Health;

/// <summary>Ready when the database answers and every schema migration is applied.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections, DatabaseTarget database, TimeProvider clock, IOptions<HealthOptions> options)
    : SharedProbeHealthCheck(clock, options)
{

    // Applied migrations stay applied: once seen up to date, the runner need not scan again.
    private volatile bool _schemaCurrent;

    protected override async Task<HealthCheckResult> ProbeAsync()
    {
        var data = new Dictionary<string, object> { ["provider"] = database.Provider.ToString() };
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await using (var connection = await connections.OpenAsync(timeout.Token))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(timeout.Token);
            }
            _schemaCurrent = _schemaCurrent || !await Task.Run(() => new SchemaMigrator(database).HasPendingMigrations(), timeout.Token);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(
                e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : $"unreachable: {e.Message}", data: data);
        }
        return _schemaCurrent
            ? HealthCheckResult.Healthy("reachable; schema up to date", data)
            : HealthCheckResult.Unhealthy("reachable, but schema migrations are pending (run 'manage migrate' or restart a node)", data: data);
    }
}
