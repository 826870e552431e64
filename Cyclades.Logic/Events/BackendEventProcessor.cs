using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Events.Operations;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Events;

/// <summary>
/// The only way cluster job results reach the state (Synnefo's <c>process_op_status</c>, reference
/// §6.4–6.6 and §7.3). Each event is applied in its own transaction with the server row locked.
/// Events not newer than the last applied change are stale and leave the state alone, which makes
/// redelivered and out-of-order events harmless; applying the same event twice changes nothing.
/// </summary>
public sealed class BackendEventProcessor(
    IDbConnectionFactory connections,
    InstanceNames instanceNames,
    QuotaService quotas,
    IOptions<ServerOptions> serverOptions,
    TimeProvider clock)
{
    private const int MaxMessageLength = 4000;

    private readonly IReadOnlyDictionary<ServerOperation, IOperationHandler> _handlers =
        new IOperationHandler[]
        {
            new CreateHandler(), PowerHandler.Start, PowerHandler.Stop, PowerHandler.Reboot,
            new DestroyHandler(), new ModifyHandler(), new ExportHandler(), new OtherHandler(),
            new AttachDiskHandler(quotas, clock), new DetachDiskHandler(quotas, clock), new RemoveDiskHandler(quotas, clock),
            new GrowDiskHandler(quotas, clock), new AddNicHandler(quotas, clock), new RemoveNicHandler(clock), new TagsHandler(),
        }.ToDictionary(h => h.Operation);

    private readonly VolumeKeeperEvents _keepers = new(connections, quotas, clock);

    /// <exception cref="Errors.NoMatchingFlavorException">A modify set specs no flavor has; nothing was applied.</exception>
    public async Task<EventResult> ApplyAsync(BackendEvent e, CancellationToken cancellationToken)
    {
        // Times are stored in microseconds; compare at that precision so a redelivery is never "newer".
        e = e with { EventTime = UnixTime.FromMicros(UnixTime.ToMicros(e.EventTime)) };
        if (instanceNames.TryParseKeeper(e.InstanceName, out var keeperId))
        {
            return await _keepers.ApplyAsync(e, keeperId, cancellationToken);
        }
        if (!instanceNames.TryParse(e.InstanceName, out var serverId))
        {
            return new EventResult(EventOutcome.NotOurs);
        }
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        var db = transaction.Db;
        var server = await ServerRepository.LockAsync(db, serverId, cancellationToken);
        if (server is null || server.InstanceName != e.InstanceName)
        {
            return new EventResult(EventOutcome.UnknownServer);
        }
        if (server.BackendId != e.BackendId)
        {
            return new EventResult(EventOutcome.OtherBackend, server.Id);
        }
        if (server.Deleted)
        {
            return new EventResult(EventOutcome.DeletedServer, server.Id);
        }

        var (after, outcome) = await ApplyAsync(db, server, e, cancellationToken);
        if (after != server)
        {
            await ServerRepository.UpdateAsync(db, after with { UpdatedAt = clock.GetUtcNow() }, cancellationToken);
        }
        if (server.OperState == OperState.Build && after.OperState != OperState.Build && !after.Deleted)
        {
            // The server exists on the cluster now (or failed to): so do the NICs of its ports.
            await PortRepository.SettleBuildingAsync(db, server.Id, after.OperState == OperState.Error ? PortState.Error : PortState.Active,
                UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new EventResult(outcome, server.Id, TaskCleared: server.Task is not null && after.Task is null);
    }

    private async Task<(Server After, EventOutcome Outcome)> ApplyAsync(Db db, Server server, BackendEvent e, CancellationToken cancellationToken)
    {
        var recorded = WithLastJob(server, e);
        if (!e.Status.IsFinal())
        {
            return (recorded, EventOutcome.Progress);
        }
        var ownTask = IsTaskJob(server, e);
        if (e.EventTime <= server.BackendTime)
        {
            if (!ownTask)
            {
                return (recorded, EventOutcome.Stale);
            }
            // The task's job is over but a later change already decided the state, so the
            // commission that expected this job's change must not be accepted.
            await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
            await _handlers[e.Operation].SettleStaleAsync(db, server, e, cancellationToken);
            return (recorded with { Task = null, CommissionId = null }, EventOutcome.Stale);
        }

        var flavor = await CatalogRepository.GetFlavorAsync(db, server.FlavorId, cancellationToken)
            ?? throw new InvalidOperationException($"Server {server.Id} refers to a missing flavor {server.FlavorId}.");
        var effect = await _handlers[e.Operation].EffectAsync(db, server, flavor, e, cancellationToken);
        var after = recorded with
        {
            OperState = effect.NewState ?? server.OperState,
            FlavorId = effect.NewFlavor?.Id ?? server.FlavorId,
            BackendTime = effect.AdvancesBackendTime ? e.EventTime : server.BackendTime,
            Task = ownTask ? null : server.Task,
        };
        if (effect.Destroys)
        {
            after = after.AsDestroyed(clock.GetUtcNow());
            await VolumeTransitions.ServerGoneAsync(db, quotas, server.Id, e.JobId, clock.GetUtcNow(), cancellationToken);
        }
        else if (DestroyRules.Where(rule => rule.Applies(server, after, ownTask)).Select(rule => (DestroyReason?)rule.Reason).FirstOrDefault() is { } reason)
        {
            after = after.WithDestroyRequest(reason, clock.GetUtcNow());
        }
        var change = CommissionCalculator.Change(
            server.OperState, flavor, after.Deleted ? null : after.OperState, effect.NewFlavor ?? flavor);
        var commission = await SettleQuotaAsync(db, server, e, ownTask, after.Deleted, change, cancellationToken);
        await SettleVolumesAsync(db, server, after, e, cancellationToken);
        if (e.Status == JobStatus.Success && e.Operation is ServerOperation.Start or ServerOperation.Reboot)
        {
            await PortTransitions.ServerRestartedAsync(db, server.Id, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
        }
        return (after with { CommissionId = commission }, EventOutcome.Applied);
    }

    /// <summary>The server's volumes follow its create job and its removal.</summary>
    private async Task SettleVolumesAsync(Db db, Server before, Server after, BackendEvent e, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (e.Operation == ServerOperation.Create && before.OperState == OperState.Build && after.OperState != OperState.Build)
        {
            await ServerVolumes.SettleCreateAsync(db, before.Id, after.OperState != OperState.Error, now, cancellationToken);
        }
        if (after.Deleted && !before.Deleted)
        {
            await ServerVolumes.SettleDestroyAsync(
                db, quotas, before.Id, $"dispatcher: {e.Operation.ToDb()} {before.InstanceName} job {e.JobId}", neverCreated: false, now, cancellationToken);
        }
    }

    /// <summary>
    /// The changes after which the core asks for the server's removal (carried out by the dispatcher
    /// once the server has no task): a failed build, when <see cref="ServerOptions.DestroyFailedBuilds"/>;
    /// a stop nobody asked for (the guest shut down, or an administrator stopped it) of a server whose
    /// owner chose <see cref="GuestShutdownAction.Destroy"/> — whatever its protection, as the owner's
    /// setting asked for it.
    /// </summary>
    private IEnumerable<(DestroyReason Reason, Func<Server, Server, bool, bool> Applies)> DestroyRules =>
    [
        (DestroyReason.FailedBuild, (before, after, _) =>
            serverOptions.Value.DestroyFailedBuilds && before.OperState == OperState.Build && after.OperState == OperState.Error),
        (DestroyReason.GuestShutdown, (before, after, ownTask) =>
            !ownTask && before.OperState == OperState.Started && after.OperState == OperState.Stopped
            && before.Settings.GuestShutdown == GuestShutdownAction.Destroy),
    ];

    /// <summary>
    /// Reference §7.3: the commission of the job we submitted is accepted when the change it expected
    /// happened and rejected otherwise; any other change to the server's holdings (an administrator's
    /// job, a superseded task, a simulated event) replaces the open commission with a forced,
    /// accepted one. The change is computed from the state before the event and the state after it,
    /// which for every cluster operation equals Synnefo's <c>get_commission_info</c>.
    /// </summary>
    /// <returns>The commission the server keeps.</returns>
    private async Task<long?> SettleQuotaAsync(
        Db db, Server server, BackendEvent e, bool ownTask, bool gone, Provisions change, CancellationToken cancellationToken)
    {
        var attached = server.CommissionId is { } id ? await quotas.GetCommissionAsync(db, id, cancellationToken) : null;
        if (ownTask && attached is { State: CommissionState.Pending } && attached.Provisions.Equals(change))
        {
            await quotas.AcceptAsync(db, attached.Id, cancellationToken);
            return null;
        }
        if (!change.IsEmpty)
        {
            await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
            await quotas.IssueAndAcceptAsync(db, new CommissionRequest(
                server.UserId, change, $"dispatcher: {e.Operation.ToDb()} {server.InstanceName} job {e.JobId}",
                server.Id, e.JobId, Forced: true), cancellationToken);
            return null;
        }
        if (!ownTask && !gone)
        {
            return server.CommissionId;
        }
        // Nothing is left for an open commission to wait for.
        await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
        return null;
    }

    /// <summary>
    /// The event finishes the server's task: its job, by id and operation (the event is about this
    /// server's instance already) — after a cluster rebuild an id can name another job. While the task's job id is not recorded yet (it is being
    /// submitted), the first final result of the task's operation is its job's: a fast job can finish
    /// before its submitter records the id.
    /// </summary>
    private static bool IsTaskJob(Server server, BackendEvent e) => server.Task switch
    {
        { JobId: { } jobId } task => jobId == e.JobId && e.Operation == task.Action.ToOperation(),
        { JobId: null } task => e.Operation == task.Action.ToOperation(),
        _ => false,
    };

    /// <summary>The last-job fields follow the newest event of any job, final or not.</summary>
    private static Server WithLastJob(Server server, BackendEvent e) =>
        server.LastJob is { } last && e.EventTime <= last.At
            ? server
            : server with { LastJob = new BackendJob(e.JobId, e.Operation, e.Status, Truncate(e.Message), e.EventTime) };

    private static string? Truncate(string? message) =>
        message is { Length: > MaxMessageLength } ? message[..MaxMessageLength] : message;
}
