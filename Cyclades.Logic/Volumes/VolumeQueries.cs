using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Volumes;

/// <summary>A volume with what a front-end shows of it.</summary>
/// <param name="Zone">Its cluster's name.</param>
/// <param name="TypeLabel">The type name given at creation, if any.</param>
public sealed record VolumeView(Volume Volume, string Zone, string? TypeLabel);

/// <summary>The caller's volumes (another user's volume is as unknown as one that never was).</summary>
public sealed class VolumeQueries(IDbConnectionFactory connections)
{
    /// <param name="ids">Null: every volume not deleted; else these (deleted ones too, so a front-end can tell).</param>
    public Task<IReadOnlyList<VolumeView>> ListAsync(string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        connections.ReadAsync<IReadOnlyList<VolumeView>>(async db =>
        {
            var volumes = await VolumeRepository.ListAsync(db, userId, ids, cancellationToken);
            var zones = (await BackendRepository.ListAsync(db, cancellationToken)).ToDictionary(b => b.Id, b => b.Name);
            List<VolumeView> views = [];
            foreach (var volume in volumes)
            {
                views.Add(new VolumeView(volume, zones.GetValueOrDefault(volume.BackendId, "unknown"),
                    await VolumeDisks.TypeLabelAsync(db, volume.Id, cancellationToken)));
            }
            return views;
        }, cancellationToken);

    /// <summary>The caller's volume modifications, oldest first: of every volume, or of these (which must be the caller's).</summary>
    public Task<IReadOnlyList<VolumeModification>> ListModificationsAsync(
        string userId, IReadOnlyCollection<long>? volumeIds, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => VolumeModificationRepository.ListAsync(db, userId, volumeIds, cancellationToken), cancellationToken);
}
