using System.Text;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;
using Dapper;

namespace Cyclades.Logic.Servers;

/// <summary>Reads servers for front-ends (scoped to one user), for operators and for the dispatcher.</summary>
public sealed class ServerQueries(IDbConnectionFactory connections)
{
    public const int MaxPageSize = 1000;

    /// <summary>One of the user's servers (deleted ones too); null if the user has no such server.</summary>
    public Task<ServerView?> GetAsync(string userId, long serverId, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (await db.QuerySingleOrDefaultAsync($"{ServerViewRow.Select} WHERE s.id = @serverId AND s.user_id = @userId", new { serverId, userId }, ServerViewRow.Read, cancellationToken))
                ?.ToView() is { } view
                ? (await WithVolumesAsync(db, [view], cancellationToken))[0]
                : null,
            cancellationToken);

    /// <summary>A page of the user's servers matching <paramref name="filter"/>, in id order after <paramref name="afterId"/>.</summary>
    public Task<ServerPage> ListAsync(string userId, ServerFilter filter, long? afterId, int pageSize, CancellationToken cancellationToken) =>
        ListPageAsync(userId, filter, afterId, pageSize, cancellationToken);

    /// <summary>An operator's view: as <see cref="ListAsync"/>, over every user's servers (or one user's, when given).</summary>
    public Task<ServerPage> ListAnyUserAsync(string? userId, ServerFilter filter, long? afterId, int pageSize, CancellationToken cancellationToken) =>
        ListPageAsync(userId, filter, afterId, pageSize, cancellationToken);

    /// <summary>An operator's view: any user's server by id (deleted ones too); null if there is none.</summary>
    public Task<ServerView?> GetAnyUserAsync(long serverId, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (await db.QuerySingleOrDefaultAsync($"{ServerViewRow.Select} WHERE s.id = @serverId", new { serverId }, ServerViewRow.Read, cancellationToken))
                ?.ToView(),
            cancellationToken);

    private Task<ServerPage> ListPageAsync(string? userId, ServerFilter filter, long? afterId, int pageSize, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), $"The page size must be 1 to {MaxPageSize}.");
        }
        return connections.ReadAsync(async db =>
        {
            var (where, parameters) = Where(db.Dialect, userId, filter, afterId);
            parameters.Add("take", pageSize + 1);
            var rows = await db.QueryAsync(ServerViewRow.Page(where), parameters, ServerViewRow.Read, cancellationToken);
            var page = await WithVolumesAsync(db, rows.Take(pageSize).Select(r => r.ToView()).ToList(), cancellationToken);
            return new ServerPage(page, rows.Count > pageSize ? page[^1].Server.Id : null);
        }, cancellationToken);
    }

    /// <summary>The servers of one of the user's launches, in launch order (deleted ones too).</summary>
    public Task<IReadOnlyList<ServerView>> ListLaunchAsync(string userId, long launchId, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db => await WithVolumesAsync(db, (await db.QueryAsync(
                $"{ServerViewRow.Select} WHERE s.launch_id = @launchId AND s.user_id = @userId ORDER BY s.launch_index",
                new { launchId, userId }, ServerViewRow.Read, cancellationToken))
                .Select(r => r.ToView()).ToList(), cancellationToken),
            cancellationToken);

    /// <summary>The views with their servers' disks (one query for all).</summary>
    private static async Task<IReadOnlyList<ServerView>> WithVolumesAsync(Db db, IReadOnlyList<ServerView> views, CancellationToken cancellationToken)
    {
        var disks = (await VolumeRepository.ListByServersAsync(db, views.Select(v => v.Server.Id).ToList(), cancellationToken))
            .ToLookup(v => v.ServerId!.Value);
        return views.Select(v => v with { Volumes = disks[v.Server.Id].ToList() }).ToList();
    }

    public Task<byte[]?> GetUserDataAsync(string userId, long serverId, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => ServerRepository.GetUserDataAsync(db, userId, serverId, cancellationToken), cancellationToken);

    /// <summary>The server a cluster instance name stands for, whoever owns it; null if none.</summary>
    public Task<ServerView?> FindByInstanceNameAsync(string instanceName, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (await db.QuerySingleOrDefaultAsync($"{ServerViewRow.Select} WHERE s.instance_name = @instanceName", new { instanceName }, ServerViewRow.Read, cancellationToken))
                ?.ToView(),
            cancellationToken);

    /// <summary>
    /// Servers of a backend whose task waits for a recorded job (for the dispatcher to follow). The
    /// condition is on <c>task_job_id</c>, set only while a task has a job, so that the
    /// (backend_id, task_job_id) index finds these few among all the backend's servers.
    /// </summary>
    public Task<IReadOnlyList<Server>> ListWithPendingTaskAsync(long backendId, CancellationToken cancellationToken) =>
        ListServersAsync("s.backend_id = @backendId AND s.task_job_id IS NOT NULL", new { backendId }, cancellationToken);

    /// <summary>The servers of a backend with a destroy request and no task: the request can be carried out now.</summary>
    public Task<IReadOnlyList<Server>> ListDestroyRequestsAsync(long backendId, CancellationToken cancellationToken) =>
        ListServersAsync(
            "s.backend_id = @backendId AND s.deleted = @no AND s.destroy_requested_at IS NOT NULL AND s.task IS NULL",
            new { backendId, no = false }, cancellationToken);

    /// <summary>Whether a task of the backend waits for a job that its submitter stopped submitting before <paramref name="silentSince"/>.</summary>
    public Task<bool> HasAbandonedSubmissionsAsync(long backendId, DateTimeOffset silentSince, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db => await db.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM servers
            WHERE backend_id = @backendId AND task_job_id IS NULL AND task IS NOT NULL AND deleted = @no
                AND COALESCE(task_heartbeat_at, task_at, created_at) < @before
            """,
            new { backendId, no = false, before = UnixTime.ToMicros(silentSince) }, cancellationToken) > 0, cancellationToken);

    /// <summary>The non-deleted servers of a backend (what reconciliation compares with the cluster).</summary>
    public Task<IReadOnlyList<Server>> ListByBackendAsync(long backendId, CancellationToken cancellationToken) =>
        ListServersAsync("s.backend_id = @backendId AND s.deleted = @no", new { backendId, no = false }, cancellationToken);

    private Task<IReadOnlyList<Server>> ListServersAsync(string where, object parameters, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (IReadOnlyList<Server>)(await db.QueryAsync<ServerRow>(
                $"SELECT {ServerRow.Columns} FROM servers s WHERE {where} ORDER BY s.id", parameters, cancellationToken))
                .Select(r => r.ToServer()).ToList(),
            cancellationToken);

    private static (string Where, DynamicParameters Parameters) Where(SqlDialect dialect, string? userId, ServerFilter filter, long? afterId)
    {
        var sql = new StringBuilder(userId is null ? "1 = 1" : "s.user_id = @userId");
        var parameters = new DynamicParameters(new { userId });
        sql.Append(filter.IncludeDeletedSince is { } since
            ? " AND (s.deleted = @no OR s.deleted_at >= @deletedSince)"
            : " AND s.deleted = @no");
        parameters.Add("no", false);
        parameters.Add("deletedSince", UnixTime.ToMicros(filter.IncludeDeletedSince));
        if (afterId is not null)
        {
            sql.Append(" AND s.id > @afterId");
            parameters.Add("afterId", afterId);
        }
        AddIn(sql, parameters, "s.id", "ids", filter.Ids);
        AddIn(sql, parameters, "s.operstate", "operstates", filter.OperStates?.Select(s => s.ToDb()).ToList());
        AddIn(sql, parameters, "s.launch_id", "launchIds", filter.LaunchIds);
        AddIn(sql, parameters, "s.image_id", "imageIds", filter.ImageIds);
        AddStates(sql, parameters, filter.States);
        AddPortCondition(sql, parameters, "p.device_index = 0 AND p.subnet_id", "primarySubnetIds", filter.PrimarySubnetIds);
        AddPortCondition(sql, parameters, "p.subnet_id", "portSubnetIds", filter.PortSubnetIds);
        AddPortCondition(sql, parameters, "p.id", "portIds", filter.PortIds);
        var patterns = new SqlPatterns(dialect, sql, parameters);
        // The page is chosen from servers alone (ServerViewRow.Page): related names are looked up here.
        patterns.Add("(SELECT f.name FROM flavors f WHERE f.id = s.flavor_id)", filter.FlavorNames);
        patterns.Add("s.key_name", filter.KeyNames);
        patterns.Add("(SELECT b.name FROM backends b WHERE b.id = s.backend_id)", filter.BackendNames);
        patterns.Add("s.private_ip", filter.PrivateIps);
        patterns.Add("(SELECT l.idempotency_key FROM launches l WHERE l.id = s.launch_id)", filter.IdempotencyKeys);
        patterns.Add(dialect.IsoTimestamp("s.created_at"), filter.CreatedAt);
        ServerTagConditions.Append(dialect, sql, parameters, filter.Tags, filter.TagKeys, filter.TagValues);
        return (sql.ToString(), parameters);
    }

    private static void AddIn<T>(StringBuilder sql, DynamicParameters parameters, string column, string name, IReadOnlyCollection<T>? values) =>
        AddListCondition(sql, parameters, name, values, $"{column} IN @{name}");

    /// <summary>The server has a port whose <paramref name="column"/> is one of the values.</summary>
    private static void AddPortCondition<T>(StringBuilder sql, DynamicParameters parameters, string column, string name, IReadOnlyCollection<T>? values) =>
        AddListCondition(sql, parameters, name, values, $"EXISTS (SELECT 1 FROM ports p WHERE p.server_id = s.id AND {column} IN @{name})");

    /// <summary>A condition on a list parameter, when the filter gives the list.</summary>
    private static void AddListCondition<T>(StringBuilder sql, DynamicParameters parameters, string name, IReadOnlyCollection<T>? values, string condition)
    {
        if (values is null)
        {
            return;
        }
        // An empty list matches nothing, as an empty IN () would if SQL allowed it.
        sql.Append(values.Count == 0 ? " AND 1 = 0" : $" AND {condition}");
        parameters.Add(name, values);
    }

    private static void AddStates(StringBuilder sql, DynamicParameters parameters, IReadOnlyCollection<ServerStateMatch>? states)
    {
        if (states is null)
        {
            return;
        }
        var terms = states.Select((state, i) =>
        {
            parameters.Add($"state{i}", state.OperState.ToDb());
            parameters.Add($"task{i}", state.Task?.ToDb());
            var request = state.DestroyRequested ? "s.destroy_requested_at IS NOT NULL" : "s.destroy_requested_at IS NULL";
            return state switch
            {
                { AnyTask: true } => $"s.operstate = @state{i}",
                { Task: null } => $"(s.operstate = @state{i} AND s.task IS NULL AND {request})",
                _ => $"(s.operstate = @state{i} AND s.task = @task{i} AND {request})",
            };
        }).ToList();
        sql.Append(terms.Count == 0 ? " AND 1 = 0" : $" AND ({string.Join(" OR ", terms)})");
    }
}
