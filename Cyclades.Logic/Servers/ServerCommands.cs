using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers.Commands;

namespace Cyclades.Logic.Servers;

/// <summary>
/// The actions on existing servers. Each call runs in one transaction: lock the servers (in id
/// order), validate every one of them (one invalid → nothing done), check the quota for all, then
/// per server settle the previous commission, issue the new one, submit the job and record the
/// task. If a submission fails, that server's changes are rolled back, the servers already done
/// keep theirs, and the cluster's error is raised.
/// </summary>
public sealed class ServerCommands(
    IDbConnectionFactory connections,
    ClusterDriverCache drivers,
    QuotaService quotas,
    CatalogService catalog,
    JobSubmissions submissions,
    TimeProvider clock)
{
    public async Task<ServerCommandResult> StartAsync(string userId, long serverId, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new StartCommand(), skipAlreadyDone: false, cancellationToken))[0];

    /// <param name="shutdownTimeout">Null = the cluster's default; zero = power off at once.</param>
    public async Task<ServerCommandResult> StopAsync(string userId, long serverId, TimeSpan? shutdownTimeout, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new StopCommand(shutdownTimeout), skipAlreadyDone: false, cancellationToken))[0];

    public async Task<ServerCommandResult> RebootAsync(string userId, long serverId, RebootKind kind, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new RebootCommand(kind), skipAlreadyDone: false, cancellationToken))[0];

    /// <summary>Resizes a stopped server to a flavor with the same disk size and disk template.</summary>
    public async Task<ServerCommandResult> ResizeAsync(string userId, long serverId, string flavorName, CancellationToken cancellationToken)
    {
        var target = await catalog.FindFlavorAsync(flavorName, cancellationToken) ?? throw new FlavorNotFoundException(flavorName);
        return (await RunAsync(userId, [serverId], new ResizeCommand(target), skipAlreadyDone: false, cancellationToken))[0];
    }

    public async Task<ServerCommandResult> DestroyAsync(string userId, long serverId, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new DestroyCommand(), skipAlreadyDone: false, cancellationToken))[0];

    /// <param name="skipAlreadyDone">Servers already started are left alone instead of refused.</param>
    /// <returns>One result per distinct id, in the order given.</returns>
    public Task<IReadOnlyList<ServerCommandResult>> StartManyAsync(string userId, IReadOnlyList<long> serverIds, bool skipAlreadyDone, CancellationToken cancellationToken) =>
        RunAsync(userId, serverIds, new StartCommand(), skipAlreadyDone, cancellationToken);

    /// <param name="skipAlreadyDone">Servers already stopped are left alone instead of refused.</param>
    public Task<IReadOnlyList<ServerCommandResult>> StopManyAsync(string userId, IReadOnlyList<long> serverIds, TimeSpan? shutdownTimeout, bool skipAlreadyDone, CancellationToken cancellationToken) =>
        RunAsync(userId, serverIds, new StopCommand(shutdownTimeout), skipAlreadyDone, cancellationToken);

    public Task<IReadOnlyList<ServerCommandResult>> RebootManyAsync(string userId, IReadOnlyList<long> serverIds, RebootKind kind, CancellationToken cancellationToken) =>
        RunAsync(userId, serverIds, new RebootCommand(kind), skipAlreadyDone: false, cancellationToken);

    /// <param name="skipAlreadyDone">Servers deleted or being destroyed are left alone instead of refused or destroyed again.</param>
    public Task<IReadOnlyList<ServerCommandResult>> DestroyManyAsync(string userId, IReadOnlyList<long> serverIds, bool skipAlreadyDone, CancellationToken cancellationToken) =>
        RunAsync(userId, serverIds, new DestroyCommand(), skipAlreadyDone, cancellationToken);

    private async Task<IReadOnlyList<ServerCommandResult>> RunAsync(
        string userId, IReadOnlyList<long> serverIds, ServerCommand command, bool skipAlreadyDone, CancellationToken cancellationToken)
    {
        var ids = serverIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        var db = transaction.Db;
        var locked = (await ServerRepository.LockAsync(db, userId, ids, cancellationToken)).ToDictionary(s => s.Id);
        var missing = ids.Where(id => !locked.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new ServerNotFoundException(missing);
        }

        var results = new ServerCommandResult?[ids.Count];
        var plan = new List<Step>();
        for (var i = 0; i < ids.Count; i++)
        {
            var server = locked[ids[i]];
            if (skipAlreadyDone && command.IsAlreadyDone(server))
            {
                results[i] = new ServerCommandResult(server, server, Performed: false);
                continue;
            }
            ServerProtection.EnsureAllowed(server, command.Action);
            plan.Add(await PlanAsync(db, i, server, command, cancellationToken));
        }
        var increases = plan.Aggregate(Provisions.None, (sum, step) => sum.Plus(step.Provisions.Increases()));
        if (!increases.IsEmpty)
        {
            await quotas.EnsureWithinLimitsAsync(db, userId, increases, cancellationToken);
        }

        var submitted = new List<SubmittedJob>();
        try
        {
            foreach (var step in plan)
            {
                var result = await ActAsync(transaction, step, command, cancellationToken);
                results[step.Index] = result;
                submitted.Add(new SubmittedJob(result.After.BackendId, result.After.Task!.JobId!.Value, command.Action.ToOperation()));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            // After the commit, or after a failed submission committed the servers done before it.
            // (Should the commit itself fail, following the jobs is still harmless.)
            foreach (var job in submitted)
            {
                submissions.Notify(job);
            }
        }
        return results.Select(r => r!).ToList();
    }

    private async Task<Step> PlanAsync(Db db, int index, Server server, ServerCommand command, CancellationToken cancellationToken)
    {
        ServerActionRules.EnsureAllowed(server, command.Action);
        var flavor = await CatalogRepository.GetFlavorAsync(db, server.FlavorId, cancellationToken)
            ?? throw new InvalidOperationException($"Server {server.Id} refers to a missing flavor {server.FlavorId}.");
        command.Validate(server, flavor);
        var driver = await drivers.GetAsync(server.BackendId, cancellationToken);
        try
        {
            await command.ValidateWithClusterAsync(driver, server, cancellationToken);
        }
        catch (Exception e) when (e is ClusterUnavailableException or ClusterRejectedException)
        {
            throw ClusterError(e);
        }
        return new Step(index, server, driver, CommissionCalculator.For(command.Action, server.OperState, flavor, command.TargetFlavor));
    }

    private async Task<ServerCommandResult> ActAsync(WriteTransaction transaction, Step step, ServerCommand command, CancellationToken cancellationToken)
    {
        var db = transaction.Db;
        var server = step.Server;
        const string savepoint = "server_command";
        await transaction.SavepointAsync(savepoint, cancellationToken);
        await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
        long? commission = step.Provisions.IsEmpty
            ? null
            : await quotas.IssueAsync(db, new CommissionRequest(
                server.UserId, step.Provisions, $"api: {command.Action.ToDb()} {server.InstanceName}", server.Id,
                Forced: command.Action == ServerAction.Destroy), cancellationToken);
        long jobId;
        try
        {
            // Not cancellable: once the cluster may have the job, the outcome must be recorded.
            jobId = await command.SubmitAsync(step.Driver, server, CancellationToken.None);
        }
        catch (Exception e) when (e is ClusterUnavailableException or ClusterRejectedException)
        {
            await transaction.RollbackToSavepointAsync(savepoint, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            throw ClusterError(e);
        }
        if (commission is { } id)
        {
            await quotas.RecordJobAsync(db, id, jobId, CancellationToken.None);
        }
        var after = server with
        {
            Task = new ServerTask(command.Action, jobId),
            CommissionId = commission,
            UpdatedAt = clock.GetUtcNow(),
        };
        await ServerRepository.UpdateAsync(db, after, CancellationToken.None);
        return new ServerCommandResult(server, after, Performed: true);
    }

    private static DomainException ClusterError(Exception e) => e switch
    {
        ClusterUnavailableException u => new BackendUnavailableException(u.Backend, u.Message, u),
        ClusterRejectedException r => new BackendRejectedException(r.Backend, r.Message, r),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    private sealed record Step(int Index, Server Server, IClusterDriver Driver, Provisions Provisions);
}
