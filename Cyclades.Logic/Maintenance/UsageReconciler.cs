using Cyclades.Logic.Catalog;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Maintenance;

/// <param name="Recorded">Usage as recorded.</param>
/// <param name="Computed">Usage recomputed from the user's non-deleted servers.</param>
public sealed record UsageDrift(string UserId, QuotaResource Resource, long Recorded, long Computed);

/// <summary>
/// Recomputes every user's usage from the server rows (reference §7.4/§7.5,
/// <c>reconcile-resources</c>) and, when asked, fixes any drift with one forced, accepted commission
/// per user named <c>reconcile</c>, so the correction stays on record.
/// </summary>
public sealed class UsageReconciler(IDbConnectionFactory connections, QuotaService quotas, LogicMetrics metrics)
{
    public async Task<IReadOnlyList<UsageDrift>> ReconcileAsync(bool fix, CancellationToken cancellationToken)
    {
        var users = await connections.ReadAsync(async db =>
            (await quotas.ListUsersAsync(db, cancellationToken))
                .Union(await db.QueryAsync<string>("SELECT DISTINCT user_id FROM servers WHERE deleted = @no", new { no = false }, cancellationToken))
                .Union(await db.QueryAsync<string>(
                    "SELECT DISTINCT user_id FROM networks WHERE deleted = @no AND is_default = @no", new { no = false }, cancellationToken))
                .Order(StringComparer.Ordinal)
                .ToList(),
            cancellationToken);
        var drifts = new List<UsageDrift>();
        foreach (var user in users)
        {
            if (fix)
            {
                await quotas.EnsureHolderAsync(user, cancellationToken);
            }
            drifts.AddRange(await connections.WriteAsync(db => ReconcileUserAsync(db, user, fix, cancellationToken), cancellationToken));
        }
        metrics.Findings("UsageDrift", drifts.Count, fix);
        return drifts;
    }

    private async Task<IReadOnlyList<UsageDrift>> ReconcileUserAsync(Db db, string userId, bool fix, CancellationToken cancellationToken)
    {
        // Every change to usage-relevant server fields also locks these rows, so the servers read
        // after taking the lock are consistent with the usage read under it.
        var recorded = await quotas.LockUsageAsync(db, userId, cancellationToken);
        var computed = await ComputeAsync(db, userId, cancellationToken);
        var drifts = QuotaResources.All
            .Where(r => recorded.GetValueOrDefault(r) != computed[r])
            .Select(r => new UsageDrift(userId, r, recorded.GetValueOrDefault(r), computed[r]))
            .ToList();
        if (fix && drifts.Count > 0)
        {
            var correction = Provisions.Of(drifts.Select(d => KeyValuePair.Create(d.Resource, d.Computed - d.Recorded)));
            await quotas.IssueAndAcceptAsync(db, new CommissionRequest(userId, correction, "reconcile", Forced: true), cancellationToken);
        }
        return drifts;
    }

    private static async Task<Provisions> ComputeAsync(Db db, string userId, CancellationToken cancellationToken)
    {
        var flavors = (await CatalogRepository.ListFlavorsAsync(db, cancellationToken)).ToDictionary(f => f.Id);
        var servers = await db.QueryAsync<(string OperState, long FlavorId)>(
            "SELECT operstate, flavor_id FROM servers WHERE user_id = @userId AND deleted = @no",
            new { userId, no = false }, cancellationToken);
        var networks = await NetworkRepository.CountPrivateAsync(db, userId, cancellationToken);
        return servers.Aggregate(
            Provisions.Of((QuotaResource.NetworkPrivate, networks)),
            (sum, s) => sum.Plus(CommissionCalculator.Holdings(DbNames.Parse<OperState>(s.OperState), flavors[s.FlavorId])));
    }
}
