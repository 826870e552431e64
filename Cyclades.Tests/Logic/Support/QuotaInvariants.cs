using Cyclades.Logic.Persistence;
using Dapper;

namespace Cyclades.Tests.Logic.Support;

/// <summary>
/// The invariants of issue 3, checked with SQL of their own (not the production code's): usage equals
/// a recomputation from the non-deleted servers; no server waits for a job that has finished; every
/// open commission belongs to a server with a pending task.
/// </summary>
public static class QuotaInvariants
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;

    /// <summary>Differences between recorded and recomputed usage, as "user resource: recorded != computed".</summary>
    public static async Task<IReadOnlyList<string>> UsageDriftAsync(IDbConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync();
        var servers = await connection.QueryAsync<(string UserId, string OperState, long Cpu, long RamMiB, long DiskGiB)>(
            """
            SELECT s.user_id, s.operstate, f.cpu, f.ram_mib, f.disk_gib
            FROM servers s JOIN flavors f ON f.id = s.flavor_id
            WHERE s.deleted = 0
            """);
        var expected = new Dictionary<(string, string), long>();
        void Add(string user, string resource, long amount) =>
            expected[(user, resource)] = expected.GetValueOrDefault((user, resource)) + amount;
        foreach (var s in servers)
        {
            Add(s.UserId, "cyclades.vm", 1);
            Add(s.UserId, "cyclades.total_cpu", s.Cpu);
            Add(s.UserId, "cyclades.total_ram", s.RamMiB * MiB);
            Add(s.UserId, "cyclades.disk", s.DiskGiB * GiB);
            if (s.OperState is "STARTED" or "BUILD" or "ERROR")
            {
                Add(s.UserId, "cyclades.cpu", s.Cpu);
                Add(s.UserId, "cyclades.ram", s.RamMiB * MiB);
            }
        }
        foreach (var user in await connection.QueryAsync<string>("SELECT user_id FROM networks WHERE deleted = 0 AND is_default = 0"))
        {
            Add(user, "cyclades.network.private", 1);
        }
        var recorded = (await connection.QueryAsync<(string UserId, string Resource, long Used)>(
            "SELECT user_id, resource, used FROM quota_usage")).ToDictionary(r => (r.UserId, r.Resource), r => r.Used);
        return expected.Keys.Union(recorded.Keys)
            .Where(k => expected.GetValueOrDefault(k) != recorded.GetValueOrDefault(k))
            .Select(k => $"{k.Item1} {k.Item2}: recorded {recorded.GetValueOrDefault(k)} != computed {expected.GetValueOrDefault(k)}")
            .Order()
            .ToList();
    }

    /// <summary>Servers whose task waits for a job in <paramref name="finishedJobs"/> (or for no job at all).</summary>
    public static async Task<IReadOnlyList<string>> TasksOfFinishedJobsAsync(IDbConnectionFactory connections, IReadOnlySet<long> finishedJobs)
    {
        await using var connection = await connections.OpenAsync();
        var tasks = await connection.QueryAsync<(long Id, string Task, long? JobId)>(
            "SELECT id, task, task_job_id FROM servers WHERE task IS NOT NULL");
        return tasks
            .Where(t => t.JobId is null || finishedJobs.Contains(t.JobId.Value))
            .Select(t => $"server {t.Id} task {t.Task} job {t.JobId?.ToString() ?? "none"}")
            .ToList();
    }

    /// <summary>Pending commissions not attached to a non-deleted server with a pending task.</summary>
    public static async Task<IReadOnlyList<long>> UnsettledCommissionsAsync(IDbConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<long>(
            """
            SELECT c.id FROM commissions c
            LEFT JOIN servers s ON s.commission_id = c.id AND s.deleted = 0 AND s.task IS NOT NULL
            WHERE c.state = 'PENDING' AND s.id IS NULL
            ORDER BY c.id
            """)).ToList();
    }
}
