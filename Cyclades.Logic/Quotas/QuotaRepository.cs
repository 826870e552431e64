using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Quotas;

/// <summary>SQL for limits, usage and commissions. Resources are stored by their Synnefo name.</summary>
internal static class QuotaRepository
{
    private const string CommissionColumns = """
        id AS Id, user_id AS UserId, server_id AS ServerId, job_id AS JobId, name AS Name, forced AS Forced,
        state AS State, created_at AS CreatedAt, resolved_at AS ResolvedAt
        """;

    public static async Task<int> CountUsageRowsAsync(Db db, string userId, CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM quota_usage WHERE user_id = @userId", new { userId }, cancellationToken);

    public static async Task InsertMissingUsageRowsAsync(Db db, string userId, CancellationToken cancellationToken)
    {
        foreach (var resource in QuotaResources.All)
        {
            await db.ExecuteAsync(
                $"{db.Dialect.InsertIgnore} INTO quota_usage (user_id, resource, used) VALUES (@userId, @resource, 0)",
                new { userId, resource = resource.Name() }, cancellationToken);
        }
    }

    /// <summary>Reads the user's usage; with <paramref name="forUpdate"/> it locks the rows until the transaction ends.</summary>
    public static async Task<Dictionary<QuotaResource, long>> GetUsageAsync(Db db, string userId, bool forUpdate, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<AmountRow>(
            $"SELECT resource AS Resource, used AS Amount FROM quota_usage WHERE user_id = @userId ORDER BY resource{(forUpdate ? db.Dialect.ForUpdate : "")}",
            new { userId }, cancellationToken);
        return ToDictionary(rows);
    }

    public static async Task<Dictionary<QuotaResource, long>> GetLimitOverridesAsync(Db db, string userId, CancellationToken cancellationToken) =>
        ToDictionary(await db.QueryAsync<AmountRow>(
            "SELECT resource AS Resource, capacity AS Amount FROM quota_limits WHERE user_id = @userId",
            new { userId }, cancellationToken));

    /// <summary>Sum of the positive provisions of the user's pending commissions, per resource.</summary>
    public static async Task<Dictionary<QuotaResource, long>> GetPendingIncreasesAsync(Db db, string userId, CancellationToken cancellationToken) =>
        ToDictionary(await db.QueryAsync<AmountRow>(
            """
            SELECT p.resource AS Resource, SUM(p.quantity) AS Amount
            FROM commission_provisions p JOIN commissions c ON c.id = p.commission_id
            WHERE c.user_id = @userId AND c.state = 'PENDING' AND p.quantity > 0
            GROUP BY p.resource
            """,
            new { userId }, cancellationToken));

    public static async Task SetLimitAsync(Db db, string userId, QuotaResource resource, long? capacity, CancellationToken cancellationToken)
    {
        var parameters = new { userId, resource = resource.Name(), capacity };
        await db.ExecuteAsync("DELETE FROM quota_limits WHERE user_id = @userId AND resource = @resource", parameters, cancellationToken);
        if (capacity is not null)
        {
            await db.ExecuteAsync(
                "INSERT INTO quota_limits (user_id, resource, capacity) VALUES (@userId, @resource, @capacity)",
                parameters, cancellationToken);
        }
    }

    public static async Task AddUsageAsync(Db db, string userId, Provisions provisions, CancellationToken cancellationToken)
    {
        foreach (var (resource, quantity) in provisions)
        {
            var parameters = new { userId, resource = resource.Name(), quantity };
            var updated = await db.ExecuteAsync(
                "UPDATE quota_usage SET used = used + @quantity WHERE user_id = @userId AND resource = @resource",
                parameters, cancellationToken);
            if (updated == 0)
            {
                await db.ExecuteAsync(
                    "INSERT INTO quota_usage (user_id, resource, used) VALUES (@userId, @resource, @quantity)",
                    parameters, cancellationToken);
            }
        }
    }

    public static async Task<long> InsertCommissionAsync(Db db, CommissionRequest request, CommissionState state, long nowMicros, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO commissions (user_id, server_id, job_id, name, forced, state, created_at, resolved_at)
            VALUES (@UserId, @ServerId, @JobId, @Name, @Forced, @State, @Now, @ResolvedAt)
            """,
            new
            {
                request.UserId,
                request.ServerId,
                request.JobId,
                Name = Truncate(request.Name, 255),
                request.Forced,
                State = state.ToDb(),
                Now = nowMicros,
                ResolvedAt = state == CommissionState.Pending ? (long?)null : nowMicros,
            },
            cancellationToken);
        foreach (var (resource, quantity) in request.Provisions)
        {
            await db.ExecuteAsync(
                "INSERT INTO commission_provisions (commission_id, resource, quantity) VALUES (@id, @resource, @quantity)",
                new { id, resource = resource.Name(), quantity }, cancellationToken);
        }
        return id;
    }

    public static async Task<Commission?> GetCommissionAsync(Db db, long id, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<CommissionRow>(
            $"SELECT {CommissionColumns} FROM commissions WHERE id = @id", new { id }, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var provisions = await db.QueryAsync<AmountRow>(
            "SELECT resource AS Resource, quantity AS Amount FROM commission_provisions WHERE commission_id = @id",
            new { id }, cancellationToken);
        return row.ToCommission(Provisions.Of(ToDictionary(provisions)));
    }

    /// <summary>Moves a pending commission to <paramref name="state"/>; false when it was not pending.</summary>
    public static async Task<bool> ResolveAsync(Db db, long id, CommissionState state, long nowMicros, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "UPDATE commissions SET state = @state, resolved_at = @nowMicros WHERE id = @id AND state = 'PENDING'",
            new { id, state = state.ToDb(), nowMicros }, cancellationToken) == 1;

    public static Task SetJobAsync(Db db, long id, long jobId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE commissions SET job_id = @jobId WHERE id = @id", new { id, jobId }, cancellationToken);

    public static async Task<IReadOnlyList<long>> ListPendingIdsAsync(Db db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<long>("SELECT id FROM commissions WHERE state = 'PENDING' ORDER BY id", null, cancellationToken)).ToList();

    public static async Task<IReadOnlyList<string>> ListUsersAsync(Db db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<string>("SELECT DISTINCT user_id FROM quota_usage ORDER BY user_id", null, cancellationToken)).ToList();

    private static Dictionary<QuotaResource, long> ToDictionary(IEnumerable<AmountRow> rows) =>
        rows.ToDictionary(r => QuotaResources.Parse(r.Resource), r => r.Amount);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private sealed record AmountRow
    {
        public required string Resource { get; init; }

        public long Amount { get; init; }
    }

    private sealed record CommissionRow
    {
        public long Id { get; init; }

        public required string UserId { get; init; }

        public long? ServerId { get; init; }

        public long? JobId { get; init; }

        public required string Name { get; init; }

        public bool Forced { get; init; }

        public required string State { get; init; }

        public long CreatedAt { get; init; }

        public long? ResolvedAt { get; init; }

        public Commission ToCommission(Provisions provisions) => new(
            Id, UserId, ServerId, JobId, Name, Forced, DbNames.Parse<CommissionState>(State), provisions,
            UnixTime.FromMicros(CreatedAt), UnixTime.FromMicros(ResolvedAt));
    }
}
