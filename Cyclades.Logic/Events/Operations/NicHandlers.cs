using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>
/// A NIC added (<c>OP_INSTANCE_SET_PARAMS</c> <c>nics</c> add). Our own (named <c>snf-nic-&lt;port&gt;</c>,
/// the port attached to this server): ACTIVE with Ganeti's MAC, or — failed — put back as before the
/// connect. Anyone else's (an administrator's <c>gnt-instance modify --net add</c>): adopted
/// (<see cref="NicAdoption"/>).
/// </summary>
internal sealed class AddNicHandler(QuotaService quotas, TimeProvider clock) : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.AddNic;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        if (e.Nic is not { } nic)
        {
            return NicEffect.Of(e);
        }
        var now = UnixTime.ToMicros(clock.GetUtcNow());
        var port = await NicPorts.OwnAsync(db, server, nic.Name, cancellationToken);
        if (e.Status == JobStatus.Success)
        {
            var pendingRestart = server.OperState == OperState.Started && !nic.Hotplugged;
            if (port is not null)
            {
                await PortTransitions.ConnectedAsync(db, port.Id, nic.Mac, pendingRestart, now, cancellationToken);
            }
            else
            {
                await NicAdoption.AdoptAsync(db, quotas, server, nic, pendingRestart, e.JobId, now, cancellationToken);
            }
        }
        else if (port is { State: "BUILD" })
        {
            await PortTransitions.UndoConnectAsync(db, port.Id, now, cancellationToken);
        }
        return NicEffect.Of(e);
    }
}

/// <summary>
/// A NIC removed (<c>nics</c> remove), by name (ours) or by index (an administrator's; the ports then
/// missing from the instance's NICs are the removed ones). Its port leaves the server: a floating IP's
/// port is deleted (the floating IP unattached, still allocated); a port we disconnected stays,
/// detached; a port an administrator removed goes if it was to go with its server.
/// </summary>
internal sealed class RemoveNicHandler(TimeProvider clock) : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.RemoveNic;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        if (e.Status != JobStatus.Success || e.Nic is not { } nic)
        {
            return NicEffect.Of(e);
        }
        var ours = server.Task?.Action == ServerAction.DisconnectPort;
        var now = UnixTime.ToMicros(clock.GetUtcNow());
        foreach (var port in await NicPorts.RemovedAsync(db, server, nic, e.InstanceNics, cancellationToken))
        {
            await PortTransitions.LeftServerAsync(db, port.Id, delete: !ours && port.DeleteOnTermination, now, cancellationToken);
        }
        return NicEffect.Of(e);
    }
}

/// <summary>Which of the server's ports a NIC job is about.</summary>
internal static class NicPorts
{
    /// <summary>The port a NIC name names, if it is attached to this server.</summary>
    public static async Task<PortRepository.PortRow?> OwnAsync(Db db, Server server, string? nicName, CancellationToken cancellationToken) =>
        ClusterNetworks.TryParseNicName(nicName, out var portId)
        && await PortRepository.GetAsync(db, portId, cancellationToken) is { } port && port.ServerId == server.Id
            ? port
            : null;

    /// <summary>By the op's name; else the server's ports with a NIC (a MAC) that the instance no longer lists.</summary>
    public static async Task<IReadOnlyList<PortRepository.PortRow>> RemovedAsync(
        Db db, Server server, ClusterNicChange nic, IReadOnlyList<ClusterNic>? instanceNics, CancellationToken cancellationToken)
    {
        if (nic.Name is not null)
        {
            return await OwnAsync(db, server, nic.Name, cancellationToken) is { } named ? [named] : [];
        }
        if (instanceNics is null)
        {
            return [];
        }
        var ports = await PortRepository.ListByServersAsync(db, [server.Id], cancellationToken);
        return ports.Where(port => port.Mac is not null
            && !instanceNics.Any(n => n.Mac == port.Mac || n.Name == ClusterNetworks.NicNameOf(port.Id))).ToList();
    }
}

/// <summary>NIC jobs leave the server's power state alone.</summary>
internal static class NicEffect
{
    public static OperationEffect Of(BackendEvent e) => e.Status == JobStatus.Success ? OperationEffect.Success() : OperationEffect.Nothing;
}
