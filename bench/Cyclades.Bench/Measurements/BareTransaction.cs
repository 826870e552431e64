using System.Diagnostics;
using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;
using Dapper;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// (2) The write path's ceiling: the database's rate for the bare transaction a launch and its
/// termination come down to — insert a server row and update it — begun as the service begins its
/// write transactions, each worker on one open connection, at the write path's concurrency, on the
/// same database in the same run. The rows are removed afterwards.
/// </summary>
public static class BareTransaction
{
    private const string UserId = "bench-ceiling";

    public static async Task<(long Transactions, double PerSecond)> MeasureAsync(
        BenchDatabase database, FleetCatalog catalog, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var lastId = database.Kind == DatabaseKind.Sqlite ? "SELECT last_insert_rowid()" : "SELECT LAST_INSERT_ID()";
            long done = 0;
            while (clock.Elapsed < duration)
            {
                await using var transaction = BenchDatabase.BeginWrite(connection);
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
                await connection.ExecuteAsync(
                    """
                    INSERT INTO servers (user_id, name, flavor_id, image_id, backend_id, private_ip, operstate, task, created_at, updated_at)
                    VALUES (@UserId, '', @FlavorId, @ImageId, @BackendId, NULL, 'BUILD', 'BUILD', @now, @now)
                    """,
                    new { UserId, FlavorId = catalog.FlavorIds[0], catalog.ImageId, catalog.BackendId, now }, transaction);
                var id = await connection.ExecuteScalarAsync<long>(lastId, transaction: transaction);
                await connection.ExecuteAsync(
                    """
                    UPDATE servers SET instance_name = @name, operstate = 'DESTROYED', deleted = 1, deleted_at = @now, task = NULL, updated_at = @now
                    WHERE id = @id
                    """,
                    new { id, name = $"bench-ceiling-{id}", now }, transaction);
                await transaction.CommitAsync(cancellationToken);
                done++;
            }
            return done;
        }));
        clock.Stop();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync("DELETE FROM servers WHERE user_id = @UserId", new { UserId });
        }
        var total = counts.Sum();
        return (total, total / clock.Elapsed.TotalSeconds);
    }
}
