using Cyclades.Soak.Cluster;

namespace Cyclades.Soak.Checks;

/// <summary>
/// The end of a run, with every node restarted and the faults off: the dispatchers settle what they
/// can (bounded); one <c>--fix</c> pass of <c>manage reconcile servers|commissions|quotas</c>; then
/// the invariants — the same three report nothing left to fix (so usage equals the recomputation), no
/// task stuck, no commission pending, no instance on the cluster that the database forgot, no
/// server the cluster lacks. Each failure is a violation in <see cref="Figures"/>.
/// </summary>
public sealed class EndChecks(SoakDatabase database, SoakCluster cluster, ManageCommand manage, string instancePrefix,
    SoakPlan plan, Figures figures, Action<string> log)
{
    private static readonly string[] Reconcilers = ["servers", "commissions", "quotas"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var left = await SettleAsync(plan.SettleTimeout, cancellationToken);
        log(left == 0 ? "the dispatchers settled every task" : $"{left} task(s) still pending after {plan.SettleTimeout.TotalSeconds:0} s; reconciling");

        foreach (var what in Reconcilers)
        {
            var fixPass = await manage.ReconcileAsync(what, fix: true, cancellationToken);
            log($"manage reconcile {what} --fix: exit {fixPass.ExitCode}, {fixPass.Rows.Count} finding(s){Kinds(fixPass)}");
            if (fixPass.ExitCode != 0)
            {
                figures.Violation($"manage reconcile {what} --fix", $"exit code {fixPass.ExitCode}: {fixPass.Errors.Trim()}");
            }
        }
        await SettleAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await WaitForClusterAsync(TimeSpan.FromSeconds(30), cancellationToken);

        foreach (var what in Reconcilers)
        {
            var report = await manage.ReconcileAsync(what, fix: false, cancellationToken);
            log($"manage reconcile {what}: exit {report.ExitCode}, {report.Rows.Count} finding(s)");
            if (report.ExitCode != 0 || report.Rows.Count > 0)
            {
                figures.Violation($"reconcile {what} reports something left after one --fix pass",
                    $"exit {report.ExitCode}, {report.Rows.Count} finding(s): {Truncate(report.Output)} {report.Errors.Trim()}");
            }
        }

        foreach (var server in await database.PendingTasksAsync(cancellationToken))
        {
            figures.Violation("task stuck", $"server {server.Id} ({server.InstanceName}, {server.OperState}) task {server.Task} job {server.TaskJobId?.ToString() ?? "none"}");
        }
        if (await database.PendingCommissionsAsync(cancellationToken) is { Count: > 0 } pending)
        {
            figures.Violation("commission left pending", string.Join(", ", pending.Take(20)));
        }
        var (orphans, missing) = await CompareWithClusterAsync(cancellationToken);
        foreach (var orphan in orphans)
        {
            figures.Violation("instance on the cluster that the database forgot", orphan);
        }
        foreach (var server in missing)
        {
            figures.Violation("server the cluster lacks", $"server {server.Id} {server.InstanceName} {server.OperState}");
        }
    }

    /// <summary>Waits until no server has a pending task and no commission is pending, or the time is up; returns what is left.</summary>
    private async Task<int> SettleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = (await database.PendingTasksAsync(cancellationToken)).Count + (await database.PendingCommissionsAsync(cancellationToken)).Count;
            if (left == 0 || DateTime.UtcNow > deadline)
            {
                return left;
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>A fix that removes an orphan instance submits a job: wait (bounded) until the cluster and the database agree.</summary>
    private async Task WaitForClusterAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await CompareWithClusterAsync(cancellationToken)) is { } difference
               && (difference.Orphans.Count > 0 || difference.Missing.Count > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<(IReadOnlyList<string> Orphans, IReadOnlyList<SoakDatabase.ServerRow> Missing)> CompareWithClusterAsync(CancellationToken cancellationToken)
    {
        var instances = (await cluster.InstanceNamesAsync(cancellationToken))
            .Where(name => name.StartsWith(instancePrefix + "-", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var servers = await database.ServersAsync(cancellationToken);
        var known = servers.Where(s => !s.Deleted && s.OperState != "DESTROYED").Select(s => s.InstanceName).ToHashSet(StringComparer.Ordinal);
        var orphans = instances.Where(name => !known.Contains(name)).Order(StringComparer.Ordinal).ToList();
        // An ERROR server (a failed build) may have no instance: it shows terminated and is destroyed by the user.
        var missing = servers.Where(s => !s.Deleted && s.OperState is "STARTED" or "STOPPED" && !instances.Contains(s.InstanceName)).ToList();
        return (orphans, missing);
    }

    private static string Kinds(ManageCommand.Result result) =>
        result.Rows.Count == 0 ? "" : " (" + string.Join(", ", result.Rows
            .Select(row => row.TryGetProperty("kind", out var kind) ? kind.ToString() : row.TryGetProperty("decision", out var decision) ? decision.ToString() : "drift")
            .GroupBy(kind => kind).Select(group => $"{group.Key} {group.Count()}")) + ")";

    private static string Truncate(string text) => text.Length <= 2000 ? text.Trim() : text[..2000] + "…";
}
