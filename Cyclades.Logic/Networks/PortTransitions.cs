using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>
/// A port's NIC coming and going, inside the caller's transaction: the connect and disconnect
/// commands (Servers/NicCommands) and the dispatcher's NIC handlers (Events/Operations/NicHandlers).
/// A port made to carry a floating IP exists only while it does: when its NIC goes (or never comes),
/// the port is deleted and the floating IP is unattached again, still its owner's.
/// </summary>
internal static class PortTransitions
{
    /// <summary>The NIC exists on the cluster: the port is ACTIVE with the MAC Ganeti chose.</summary>
    /// <param name="pendingRestart">It was added to a running server without hotplug.</param>
    public static Task ConnectedAsync(Db db, long portId, string? mac, bool pendingRestart, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE ports SET state = 'ACTIVE', mac = COALESCE(@mac, mac), pending_restart = @pendingRestart, updated_at = @now WHERE id = @portId",
            new { portId, mac, pendingRestart, now }, cancellationToken);

    /// <summary>The connect's job failed or was never submitted: the port is as before it (detached, or gone with its floating IP's attachment).</summary>
    public static Task UndoConnectAsync(Db db, long portId, long now, CancellationToken cancellationToken) =>
        LeftServerAsync(db, portId, delete: false, now, cancellationToken);

    /// <summary>
    /// The NIC left the server: a floating IP's port is deleted (the floating IP unattached), another is
    /// deleted when <paramref name="delete"/> (its address back in the pool), else detached (DOWN).
    /// </summary>
    public static async Task LeftServerAsync(Db db, long portId, bool delete, long now, CancellationToken cancellationToken)
    {
        var floating = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM floating_ips WHERE port_id = @portId", new { portId }, cancellationToken) > 0;
        if (floating || delete)
        {
            await PortRepository.DeleteAsync(db, portId, cancellationToken);
            return;
        }
        await db.ExecuteAsync(
            """
            UPDATE ports SET server_id = NULL, device_index = 0, mac = NULL, state = 'DOWN', pending_restart = @no, updated_at = @now
            WHERE id = @portId
            """,
            new { portId, now, no = false }, cancellationToken);
    }

    /// <summary>The server started (or rebooted) on the cluster: every NIC of its configuration is live.</summary>
    public static Task ServerRestartedAsync(Db db, long serverId, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE ports SET pending_restart = @no, updated_at = @now WHERE server_id = @serverId AND pending_restart = @yes",
            new { serverId, now, no = false, yes = true }, cancellationToken);

    /// <summary>The device index for a new NIC of the server: the one asked if free, else the next after the highest.</summary>
    /// <returns>Null when the asked index is taken.</returns>
    public static async Task<int?> FreeDeviceIndexAsync(Db db, long serverId, int? asked, CancellationToken cancellationToken)
    {
        var taken = (await db.QueryAsync<int>(
            "SELECT device_index FROM ports WHERE server_id = @serverId", new { serverId }, cancellationToken)).ToList();
        if (asked is { } index)
        {
            return taken.Contains(index) ? null : index;
        }
        return taken.Count == 0 ? 0 : taken.Max() + 1;
    }

    /// <summary>How many ports the server has.</summary>
    public static Task<long> CountAsync(Db db, long serverId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ports WHERE server_id = @serverId", new { serverId }, cancellationToken);
}
