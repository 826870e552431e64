using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Reconciliation;

/// <summary>
/// Compares a backend's servers (their states, flavors, tasks, volumes and ports) with its cluster
/// and, in fix mode, repairs the differences through the event path (simulated events, job id 0, at
/// the reconciliation's start) or, for disks and NICs, under the server's lock, so quotas follow
/// with forced commissions. Used periodically by the backend's active dispatcher, after a cluster
/// rebuild, and on demand by the admin CLI.
/// </summary>
public sealed class BackendReconciler(
    BackendRegistry registry,
    ClusterDriverCache drivers,
    ServerQueries queries,
    CatalogService catalog,
    IDbConnectionFactory connections,
    ReconciliationFixer fixer,
    PortFirewall firewall,
    InstanceNames names,
    LogicMetrics metrics,
    IOptions<ServerOptions> serverOptions,
    TimeProvider clock,
    ILogger<BackendReconciler> logger)
{
    /// <summary>Every enabled backend, one after the other.</summary>
    /// <exception cref="ClusterUnavailableException">A cluster could not be read; the backends before it were reconciled.</exception>
    public async Task<IReadOnlyList<ReconciliationReport>> ReconcileAllAsync(ReconciliationRequest request, CancellationToken cancellationToken)
    {
        var reports = new List<ReconciliationReport>();
        foreach (var backend in (await registry.ListAsync(cancellationToken)).Where(b => b.Enabled))
        {
            reports.Add(await ReconcileAsync(backend, request, cancellationToken));
        }
        return reports;
    }

    /// <exception cref="BackendNotFoundException">No backend has that name.</exception>
    public async Task<ReconciliationReport> ReconcileAsync(string backendName, ReconciliationRequest request, CancellationToken cancellationToken) =>
        await ReconcileAsync(
            await registry.FindAsync(backendName, cancellationToken) ?? throw new BackendNotFoundException(backendName),
            request, cancellationToken);

    public async Task<ReconciliationReport> ReconcileAsync(long backendId, ReconciliationRequest request, CancellationToken cancellationToken) =>
        await ReconcileAsync(
            await registry.GetAsync(backendId, cancellationToken) ?? throw new BackendNotFoundException(backendId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            request, cancellationToken);

    private async Task<ReconciliationReport> ReconcileAsync(Backend backend, ReconciliationRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(backend, request, cancellationToken);
        var planned = new ReconciliationRules(names, serverOptions.Value.AbandonedSubmission).Check(snapshot)
            .Where(p => request.Includes(p.Finding.Kind))
            .ToList();
        var findings = new List<ReconciliationFinding>();
        var driver = await drivers.GetAsync(backend.Id, cancellationToken);
        var batch = fixer.Begin(backend, driver, snapshot.StartedAt);
        foreach (var (finding, plan) in planned)
        {
            var done = request.Fix && plan is not null ? await batch.ApplyAsync(finding, plan, cancellationToken) : finding;
            metrics.Finding(done.Kind.ToString(), done.Fixed);
            if (request.Fix && plan is not null && !done.Fixed)
            {
                logger.LogWarning("Reconciliation of backend '{Backend}' could not fix {Kind} {Instance}: {Error}",
                    backend.Name, done.Kind, done.InstanceName, done.Error);
            }
            findings.Add(done);
        }
        var report = new ReconciliationReport(backend.Id, backend.Name, snapshot.StartedAt, clock.GetUtcNow(), request.Fix, findings);
        if (findings.Count > 0)
        {
            logger.LogInformation("Reconciliation of backend '{Backend}' ({Mode}): {Findings}",
                backend.Name, request.Fix ? "fix" : "dry run",
                string.Join(", ", report.CountsByKind.Select(k => $"{k.Value} {k.Key}")));
        }
        return report;
    }

    private async Task<ClusterSnapshot> ReadAsync(Backend backend, ReconciliationRequest request, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var driver = await drivers.GetAsync(backend.Id, cancellationToken);
        var instances = (await driver.ListInstancesAsync(cancellationToken)).ToDictionary(i => i.Name, StringComparer.Ordinal);
        var jobs = (await driver.ListJobsAsync(cancellationToken)).ToDictionary(j => j.Id);
        var servers = await queries.ListByBackendAsync(backend.Id, cancellationToken);
        var flavors = await catalog.ListFlavorsAsync(includeDeleted: true, cancellationToken);
        foreach (var jobId in servers.Select(s => s.Task?.JobId).OfType<long>().Where(id => !jobs.ContainsKey(id)).Distinct())
        {
            // Archived jobs leave the list but can still be read.
            if (await driver.GetJobAsync(jobId, cancellationToken) is { } job)
            {
                jobs[jobId] = job;
            }
        }
        var ids = servers.Select(s => s.Id).ToList();
        var (volumes, ports, networks) = await connections.ReadAsync(async db => (
            await VolumeRepository.ListByServersAsync(db, ids, cancellationToken),
            await PortRepository.ListByServersAsync(db, ids, cancellationToken),
            await NicComparison.LiveNetworksAsync(db, backend.Id, cancellationToken)), cancellationToken);
        var byServer = ports.Select(p => p.ToPort()).ToLookup(p => p.ServerId!.Value);
        var firewallTags = request.Includes(FindingKind.UnsyncedFirewall)
            ? await firewall.TagsOfServersAsync(servers.Where(InventoryRules.IsCompared).SelectMany(s => byServer[s.Id]), cancellationToken)
            : null;
        return new ClusterSnapshot(started, instances, jobs, servers, flavors, volumes.ToLookup(v => v.ServerId!.Value), byServer, networks, firewallTags);
    }
}
