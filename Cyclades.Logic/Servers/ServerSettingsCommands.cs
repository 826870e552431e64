using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Servers;

/// <summary>
/// The owner's changes to a server's settings, user data and what termination does to its disks. None reaches the cluster: they change
/// what the core allows (<see cref="ServerProtection"/>) and what it reports.
/// </summary>
public sealed class ServerSettingsCommands(IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Applies <paramref name="change"/> to the settings of a server that is not deleted.</summary>
    public Task<Server> ChangeAsync(string userId, long serverId, Func<ServerSettings, ServerSettings> change, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var server = await LockLiveAsync(db, userId, serverId, cancellationToken);
            var settings = change(server.Settings);
            if (settings.Metadata.HopLimit is < 1 or > MetadataService.MaxHopLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(change), $"The metadata hop limit must be 1-{MetadataService.MaxHopLimit}.");
            }
            await ServerRepository.UpdateSettingsAsync(db, serverId, settings, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return server with { Settings = settings };
        }, cancellationToken);

    /// <summary>Replaces the user data of a stopped server (the guest reads it when it next boots).</summary>
    public Task ChangeUserDataAsync(string userId, long serverId, byte[]? userData, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var server = await LockLiveAsync(db, userId, serverId, cancellationToken);
            if (server.OperState != OperState.Stopped || server.Task is not null)
            {
                throw new ServerNotStoppedException(serverId, server.OperState);
            }
            await ServerRepository.UpdateUserDataAsync(db, serverId, userData, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Sets whether each of these disks (volume id → delete on termination) is deleted with the server
    /// or left detached; ids that are not disks of the server are left alone.
    /// </summary>
    /// <returns>The server's disks after the change.</returns>
    public Task<IReadOnlyList<Volume>> ChangeDeleteOnTerminationAsync(
        string userId, long serverId, IReadOnlyDictionary<long, bool> deleteOnTermination, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            await LockLiveAsync(db, userId, serverId, cancellationToken);
            var now = clock.GetUtcNow();
            var disks = new List<Volume>();
            foreach (var volume in await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken))
            {
                var changed = deleteOnTermination.TryGetValue(volume.Id, out var value) && value != volume.DeleteOnTermination
                    ? volume with { DeleteOnTermination = value, UpdatedAt = now }
                    : volume;
                if (changed != volume)
                {
                    await VolumeRepository.UpdateAsync(db, changed, cancellationToken);
                }
                disks.Add(changed);
            }
            return (IReadOnlyList<Volume>)disks;
        }, cancellationToken);

    private static async Task<Server> LockLiveAsync(Db db, string userId, long serverId, CancellationToken cancellationToken)
    {
        var server = (await ServerRepository.LockAsync(db, userId, [serverId], cancellationToken)).SingleOrDefault()
            ?? throw new ServerNotFoundException([serverId]);
        return server.Deleted ? throw new ServerDeletedException(serverId) : server;
    }
}
