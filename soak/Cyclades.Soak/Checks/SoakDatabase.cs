using System.Globalization;
using Dapper;
using MySqlConnector;

namespace Cyclades.Soak.Checks;

/// <summary>What the soak reads from the shared database: who holds the dispatcher lease, and the state the invariants check.</summary>
public sealed class SoakDatabase(string connectionString)
{
    public sealed record ServerRow(long Id, string InstanceName, string OperState, bool Deleted, string? Task, long? TaskJobId, string UserId);

    /// <summary>The process id of the node whose dispatcher holds an unexpired lease (holder = host:pid:random), if any.</summary>
    public async Task<int?> ActiveDispatcherProcessIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        var nowMicros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var holder = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT holder FROM dispatcher_leases WHERE expires_at > @nowMicros ORDER BY backend_id LIMIT 1", new { nowMicros },
            cancellationToken: cancellationToken));
        return holder?.Split(':') is [_, var pid, _] && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public async Task<IReadOnlyList<ServerRow>> ServersAsync(CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        return (await connection.QueryAsync<ServerRow>(new CommandDefinition(
            """
            SELECT id AS Id, COALESCE(instance_name, '') AS InstanceName, UPPER(operstate) AS OperState, deleted AS Deleted,
                   task AS Task, task_job_id AS TaskJobId, user_id AS UserId
            FROM servers ORDER BY id
            """, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<long>> PendingCommissionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM commissions WHERE state = 'PENDING' ORDER BY id", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Servers not deleted with a task still pending.</summary>
    public async Task<IReadOnlyList<ServerRow>> PendingTasksAsync(CancellationToken cancellationToken) =>
        (await ServersAsync(cancellationToken)).Where(s => !s.Deleted && s.Task is not null).ToList();
}
