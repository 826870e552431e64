using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Quotas;

/// <summary>
/// Per-user limits and usage, changed only through commissions: issued (pending, counted against
/// limits), then accepted into usage or rejected. Limits are checked at issue time against committed
/// usage plus pending increases; forced commissions skip the check. Callers pass their transaction:
/// the user's usage rows are locked for its remainder, which serialises quota decisions per user.
/// </summary>
public sealed class QuotaService
{
    private readonly IDbConnectionFactory _connections;
    private readonly IOptionsMonitor<QuotaOptions> _options;
    private readonly TimeProvider _clock;

    public QuotaService(IDbConnectionFactory connections, IOptionsMonitor<QuotaOptions> options, TimeProvider clock)
    {
        _connections = connections;
        _options = options;
        _clock = clock;
    }

    public Task<UserQuota> GetAsync(string userId, CancellationToken cancellationToken) =>
        _connections.ReadAsync(async db =>
        {
            var usage = await QuotaRepository.GetUsageAsync(db, userId, forUpdate: false, cancellationToken);
            var limits = await LimitsAsync(db, userId, cancellationToken);
            var pending = await QuotaRepository.GetPendingIncreasesAsync(db, userId, cancellationToken);
            return new UserQuota(userId, QuotaResources.All
                .Select(r => new ResourceQuota(r, limits[r], usage.GetValueOrDefault(r), pending.GetValueOrDefault(r)))
                .ToList());
        }, cancellationToken);

    /// <summary>Sets a per-user limit (in the resource's unit: bytes for RAM and disk); null restores the default.</summary>
    public Task SetLimitAsync(string userId, QuotaResource resource, long? limit, CancellationToken cancellationToken)
    {
        if (limit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), "A quota limit must be ≥ 0.");
        }
        return _connections.WriteAsync(async db =>
        {
            await QuotaRepository.SetLimitAsync(db, userId, resource, limit, cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<Commission?> GetCommissionAsync(long id, CancellationToken cancellationToken) =>
        _connections.ReadAsync(db => QuotaRepository.GetCommissionAsync(db, id, cancellationToken), cancellationToken);

    /// <summary>
    /// Creates the user's usage rows if missing. Runs on its own, before the caller's transaction, so
    /// that concurrent first requests of one user do not deadlock on inserting the same rows.
    /// </summary>
    internal async Task EnsureHolderAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var db = new Db(connection, null, _connections.Dialect);
        if (await QuotaRepository.CountUsageRowsAsync(db, userId, cancellationToken) < QuotaResources.All.Count)
        {
            await QuotaRepository.InsertMissingUsageRowsAsync(db, userId, cancellationToken);
        }
    }

    /// <summary>Locks the user's usage and throws <see cref="QuotaExceededException"/> if the increases do not fit.</summary>
    internal async Task EnsureWithinLimitsAsync(Db db, string userId, Provisions provisions, CancellationToken cancellationToken)
    {
        var room = await RoomAsync(db, userId, cancellationToken);
        foreach (var (resource, quantity) in provisions.Increases())
        {
            room[resource].Ensure(resource, quantity);
        }
    }

    /// <summary>
    /// How many units of <paramref name="perUnit"/> fit, at most <paramref name="max"/>; all or nothing
    /// below <paramref name="min"/> (then <see cref="QuotaExceededException"/> for the first resource short).
    /// </summary>
    internal async Task<int> CapacityAsync(Db db, string userId, Provisions perUnit, int min, int max, CancellationToken cancellationToken)
    {
        var room = await RoomAsync(db, userId, cancellationToken);
        foreach (var (resource, quantity) in perUnit.Increases())
        {
            room[resource].Ensure(resource, quantity * min);
        }
        return perUnit.Increases()
            .Select(p => (int)Math.Min(max, room[p.Key].Free / p.Value))
            .DefaultIfEmpty(max)
            .Min();
    }

    /// <summary>Issues a pending commission (limits checked unless forced).</summary>
    internal Task<long> IssueAsync(Db db, CommissionRequest request, CancellationToken cancellationToken) =>
        IssueAsync(db, request, CommissionState.Pending, checkLimits: !request.Forced, cancellationToken);

    /// <summary>Issues a commission and accepts it at once (limits checked unless forced).</summary>
    internal Task<long> IssueAndAcceptAsync(Db db, CommissionRequest request, CancellationToken cancellationToken) =>
        IssueAsync(db, request, CommissionState.Accepted, checkLimits: !request.Forced, cancellationToken);

    /// <summary>
    /// Issues and accepts a commission whose limits the caller already checked in this transaction
    /// (with <see cref="CapacityAsync"/> or <see cref="EnsureWithinLimitsAsync"/>, which locked the usage).
    /// </summary>
    internal Task<long> IssueAndAcceptCheckedAsync(Db db, CommissionRequest request, CancellationToken cancellationToken) =>
        IssueAsync(db, request, CommissionState.Accepted, checkLimits: false, cancellationToken);

    /// <summary>
    /// Settles a server's previous commission before a new one replaces it: one still pending is
    /// rejected (its job's outcome will not be applied through it).
    /// </summary>
    internal async Task ResolvePreviousAsync(Db db, long? commissionId, CancellationToken cancellationToken)
    {
        if (commissionId is { } id)
        {
            await RejectAsync(db, id, cancellationToken);
        }
    }

    /// <summary>Accepts a pending commission into usage; false (and nothing done) if it was not pending.</summary>
    internal async Task<bool> AcceptAsync(Db db, long id, CancellationToken cancellationToken)
    {
        if (!await QuotaRepository.ResolveAsync(db, id, CommissionState.Accepted, Now, cancellationToken))
        {
            return false;
        }
        var commission = (await QuotaRepository.GetCommissionAsync(db, id, cancellationToken))!;
        // Lock the user's usage rows all at once, in key order, as every other writer of usage does
        // first: updating them one by one in another order deadlocks against those writers on MariaDB.
        await LockUsageAsync(db, commission.UserId, cancellationToken);
        await QuotaRepository.AddUsageAsync(db, commission.UserId, commission.Provisions, cancellationToken);
        return true;
    }

    /// <summary>Rejects a pending commission; false if it was not pending.</summary>
    internal Task<bool> RejectAsync(Db db, long id, CancellationToken cancellationToken) =>
        QuotaRepository.ResolveAsync(db, id, CommissionState.Rejected, Now, cancellationToken);

    internal Task<Commission?> GetCommissionAsync(Db db, long id, CancellationToken cancellationToken) =>
        QuotaRepository.GetCommissionAsync(db, id, cancellationToken);

    internal Task RecordJobAsync(Db db, long id, long jobId, CancellationToken cancellationToken) =>
        QuotaRepository.SetJobAsync(db, id, jobId, cancellationToken);

    internal Task<IReadOnlyList<long>> ListPendingIdsAsync(Db db, CancellationToken cancellationToken) =>
        QuotaRepository.ListPendingIdsAsync(db, cancellationToken);

    internal Task<IReadOnlyList<string>> ListUsersAsync(Db db, CancellationToken cancellationToken) =>
        QuotaRepository.ListUsersAsync(db, cancellationToken);

    internal Task<Dictionary<QuotaResource, long>> LockUsageAsync(Db db, string userId, CancellationToken cancellationToken) =>
        QuotaRepository.GetUsageAsync(db, userId, forUpdate: true, cancellationToken);

    private async Task<long> IssueAsync(Db db, CommissionRequest request, CommissionState state, bool checkLimits, CancellationToken cancellationToken)
    {
        if (checkLimits)
        {
            await EnsureWithinLimitsAsync(db, request.UserId, request.Provisions, cancellationToken);
        }
        else
        {
            await LockUsageAsync(db, request.UserId, cancellationToken);
        }
        var id = await QuotaRepository.InsertCommissionAsync(db, request, state, Now, cancellationToken);
        if (state == CommissionState.Accepted)
        {
            await QuotaRepository.AddUsageAsync(db, request.UserId, request.Provisions, cancellationToken);
        }
        return id;
    }

    private async Task<Dictionary<QuotaResource, Room>> RoomAsync(Db db, string userId, CancellationToken cancellationToken)
    {
        // Lock first: the pending sum read afterwards then cannot miss a concurrent issue of this user.
        var usage = await LockUsageAsync(db, userId, cancellationToken);
        var limits = await LimitsAsync(db, userId, cancellationToken);
        var pending = await QuotaRepository.GetPendingIncreasesAsync(db, userId, cancellationToken);
        return QuotaResources.All.ToDictionary(
            r => r,
            r => new Room(limits[r], usage.GetValueOrDefault(r) + pending.GetValueOrDefault(r)));
    }

    private async Task<Dictionary<QuotaResource, long>> LimitsAsync(Db db, string userId, CancellationToken cancellationToken)
    {
        var overrides = await QuotaRepository.GetLimitOverridesAsync(db, userId, cancellationToken);
        var defaults = _options.CurrentValue.Default;
        return QuotaResources.All.ToDictionary(r => r, r => overrides.TryGetValue(r, out var limit) ? limit : defaults.LimitOf(r));
    }

    private long Now => UnixTime.ToMicros(_clock.GetUtcNow());

    private readonly record struct Room(long Limit, long Counted)
    {
        public long Free => Math.Max(0, Limit - Counted);

        public void Ensure(QuotaResource resource, long quantity)
        {
            if (Counted + quantity > Limit)
            {
                throw new QuotaExceededException(resource, Limit, Counted, quantity);
            }
        }
    }
}
