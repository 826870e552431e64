using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers.Commands;

namespace Cyclades.Logic.Servers;

/// <summary>
/// The actions on existing servers, in two steps so that no cluster call runs inside a transaction:
/// (1) one transaction locks the servers (in id order), validates every one of them (one invalid →
/// nothing done), checks the quota for all, and per server settles the previous commission, issues
/// the new one and records the task as submitting (no job id yet); (2) after the commit the jobs are
/// submitted (bounded per cluster, <see cref="TaskSubmitter"/>) and their ids recorded. A task whose
/// submission fails is given up (cleared, its commission rejected) and the cluster's error raised;
/// one left submitting by a process that died is settled by the dispatcher. Meanwhile the server
/// has a pending task, so another command on it is refused.
/// </summary>
public sealed class ServerCommands(
    IDbConnectionFactory connections,
    ClusterDriverCache drivers,
    QuotaService quotas,
    CatalogService catalog,
    JobSubmissions submissions,
    TaskSubmitter submitter,
    SubmittingTasks submitting,
    VolumeCommands volumes,
    TimeProvider clock)
{
    public async Task<ServerCommandResult> StartAsync(string userId, long serverId, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new StartCommand(), skipAlreadyDone: false, cancellationToken))[0];

    /// <param name="shutdownTimeout">Null = the cluster's default; zero = power off at once.</param>
    public async Task<ServerCommandResult> StopAsync(string userId, long serverId, TimeSpan? shutdownTimeout, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new StopCommand(shutdownTimeout), skipAlreadyDone: false, cancellationToken))[0];

    public async Task<ServerCommandResult> RebootAsync(string userId, long serverId, RebootKind kind, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new RebootCommand(kind), skipAlreadyDone: false, cancellationToken))[0];

    /// <summary>Resizes a stopped server to a flavor (compute only) that allows its volume type.</summary>
    public async Task<ServerCommandResult> ResizeAsync(string userId, long serverId, string flavorName, CancellationToken cancellationToken)
    {
        var target = await catalog.FindFlavorAsync(flavorName, cancellationToken) ?? throw new FlavorNotFoundException(flavorName);
        return (await RunAsync(userId, [serverId], new ResizeCommand(target), skipAlreadyDone: false, cancellationToken))[0];
    }

    /// <summary>Exports the server and records the image made from it (pending until the export's result arrives); returns the image's id.</summary>
    /// <param name="keepRunning">Copy a running server live instead of stopping and restarting it around the copy.</param>
    public async Task<long> ExportAsync(string userId, long serverId, string imageName, string imageDescription, bool keepRunning, CancellationToken cancellationToken)
    {
        var command = new ExportCommand(userId, imageName, imageDescription, keepRunning);
        await RunAsync(userId, [serverId], command, skipAlreadyDone: false, cancellationToken);
        return command.ImageId ?? throw new InvalidOperationException($"The export of server {serverId} recorded no image.");
    }

    public async Task<ServerCommandResult> DestroyAsync(string userId, long serverId, CancellationToken cancellationToken) =>
        (await RunAsync(userId, [serverId], new DestroyCommand(), skipAlreadyDone: false, cancellationToken))[0];

    /// <summary>
    /// Carries out a recorded destroy request (<see cref="Server.DestroyRequestedAt"/>) of a server
    /// that has no task any more: the dispatcher's part, not subject to the owner's protection.
    /// </summary>
    public async Task<ServerCommandResult> DestroyRequestedAsync(Server server, CancellationToken cancellationToken) =>
        (await RunAsync(server.UserId, [server.Id], new DestroyCommand(carriesOutRequest: true), skipAlreadyDone: true, cancellationToken))[0];

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
        if (command is DestroyCommand destroy)
        {
            return await DestroyKeepingVolumesAsync(userId, ids, destroy, skipAlreadyDone, cancellationToken);
        }
        return await RunNowAsync(userId, ids, command, skipAlreadyDone, cancellationToken);
    }

    /// <summary>
    /// Servers with volumes to keep (delete-on-termination false) first detach them, one per task, the destroy
    /// recorded as a request the dispatcher carries out afterwards (<see cref="VolumeCommands.DetachKeptBeforeDestroyAsync"/>);
    /// the others are destroyed now.
    /// </summary>
    private async Task<IReadOnlyList<ServerCommandResult>> DestroyKeepingVolumesAsync(
        string userId, List<long> ids, DestroyCommand destroy, bool skipAlreadyDone, CancellationToken cancellationToken)
    {
        var detaching = new Dictionary<long, ServerCommandResult>();
        foreach (var id in ids)
        {
            if (await volumes.DetachKeptBeforeDestroyAsync(userId, id, destroy.CarriesOutRequest, cancellationToken) is { } result)
            {
                detaching[id] = result;
            }
        }
        var rest = ids.Where(id => !detaching.ContainsKey(id)).ToList();
        var destroyed = rest.Count == 0 ? [] : await RunNowAsync(userId, rest, destroy, skipAlreadyDone, cancellationToken);
        return ids.Select(id => detaching.TryGetValue(id, out var result) ? result : destroyed[rest.IndexOf(id)]).ToList();
    }

    private async Task<IReadOnlyList<ServerCommandResult>> RunNowAsync(
        string userId, List<long> ids, ServerCommand command, bool skipAlreadyDone, CancellationToken cancellationToken)
    {
        try
        {
            var unlocked = await connections.ReadAsync(db => ServerRepository.LockAsync(db, userId, ids, cancellationToken), cancellationToken);
            await command.PrepareAsync(unlocked, backendId => drivers.GetAsync(backendId, cancellationToken), cancellationToken);
        }
        catch (ClusterException e)
        {
            throw e.ToDomainError();
        }
        var results = await CommitAsync(userId, ids, command, skipAlreadyDone, cancellationToken);
        await SubmitAsync(results, command);
        return results;
    }

    /// <summary>Step 1: every task and commission recorded, the tasks submitting.</summary>
    private async Task<ServerCommandResult[]> CommitAsync(
        string userId, List<long> ids, ServerCommand command, bool skipAlreadyDone, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        var db = transaction.Db;
        var locked = (await ServerRepository.LockAsync(db, userId, ids, cancellationToken)).ToDictionary(s => s.Id);
        var missing = ids.Where(id => !locked.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new ServerNotFoundException(missing);
        }

        var results = new ServerCommandResult[ids.Count];
        var plan = new List<Step>();
        for (var i = 0; i < ids.Count; i++)
        {
            var server = locked[ids[i]];
            if (skipAlreadyDone && command.IsAlreadyDone(server))
            {
                results[i] = new ServerCommandResult(server, server, Performed: false);
                continue;
            }
            if (command.Guarded)
            {
                ServerProtection.EnsureAllowed(server, command.Action);
            }
            plan.Add(await PlanAsync(db, i, server, command, cancellationToken));
        }
        var increases = plan.Aggregate(Provisions.None, (sum, step) => sum.Plus(step.Provisions.Increases()));
        if (!increases.IsEmpty)
        {
            await quotas.EnsureWithinLimitsAsync(db, userId, increases, cancellationToken);
        }

        var now = clock.GetUtcNow();
        foreach (var step in plan)
        {
            var server = step.Server;
            if (step.Deferred)
            {
                var requested = server.WithDestroyRequest(DestroyReason.Owner, now);
                await ServerRepository.UpdateAsync(db, requested, cancellationToken);
                results[step.Index] = new ServerCommandResult(server, requested, Performed: true);
                continue;
            }
            await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
            long? commission = step.Provisions.IsEmpty
                ? null
                : await quotas.IssueAsync(db, new CommissionRequest(
                    server.UserId, step.Provisions, $"api: {command.Action.ToDb()} {server.InstanceName}", server.Id,
                    Forced: command.Action == ServerAction.Destroy), cancellationToken);
            var after = server with
            {
                Task = new ServerTask(command.Action, null),
                TaskAt = now,
                SubmissionHeartbeat = now,
                CommissionId = commission,
                UpdatedAt = now,
            };
            await ServerRepository.UpdateAsync(db, after, cancellationToken);
            await command.RecordAsync(db, after, step.Flavor!, now, cancellationToken);
            results[step.Index] = new ServerCommandResult(server, after, Performed: true);
        }
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static async Task<Step> PlanAsync(Db db, int index, Server server, ServerCommand command, CancellationToken cancellationToken)
    {
        var deferred = ServerActionRules.EnsureAllowed(server, command.Action) == ActionVerdict.Deferred;
        var flavor = await CatalogRepository.GetFlavorAsync(db, server.FlavorId, cancellationToken)
            ?? throw new InvalidOperationException($"Server {server.Id} refers to a missing flavor {server.FlavorId}.");
        if (deferred)
        {
            return new Step(index, server, Provisions.None, Deferred: true);
        }
        await command.ValidateAsync(db, server, flavor, cancellationToken);
        return new Step(index, server, CommissionCalculator.For(command.Action, server.OperState, flavor, command.TargetFlavor)) { Flavor = flavor };
    }

    /// <summary>Step 2, outside any transaction and not cancellable: the servers now have tasks that must be settled.</summary>
    private async Task SubmitAsync(ServerCommandResult[] results, ServerCommand command)
    {
        var pending = new List<PendingSubmission>();
        var indexes = new Dictionary<long, int>();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Performed && results[i].After.Task is { JobId: null } task && task.Action == command.Action)
            {
                var server = results[i].After;
                var driver = await drivers.GetAsync(server.BackendId, CancellationToken.None);
                indexes[server.Id] = i;
                pending.Add(new PendingSubmission(server, token => command.SubmitAsync(driver, server, token)));
            }
        }
        ClusterException? failure = null;
        await submitter.RunAsync(
            pending,
            async (submission, jobId) =>
            {
                var server = submission.Server;
                await submitting.RecordJobAsync(server, jobId, abandonedBefore: null, CancellationToken.None);
                results[indexes[server.Id]] = results[indexes[server.Id]] with { After = server with { Task = new ServerTask(command.Action, jobId), SubmissionHeartbeat = null } };
                submissions.Notify(new SubmittedJob(server.BackendId, jobId, command.Action.ToOperation()));
            },
            async (submission, error) =>
            {
                Interlocked.CompareExchange(ref failure, error, null);
                await submitting.GiveUpAsync(submission.Server, error.Message, abandonedBefore: null, CancellationToken.None);
            });
        if (failure is not null)
        {
            throw failure.ToDomainError();
        }
    }

    /// <param name="Deferred">Only recorded (<see cref="ActionVerdict.Deferred"/>): no commission, no job.</param>
    private sealed record Step(int Index, Server Server, Provisions Provisions, bool Deferred = false)
    {
        public Flavor? Flavor { get; init; }
    }
}
