using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Volumes;

/// <summary>The columns of a volume about its disk on the cluster (migrations <c>M202612070800VolumeDisks</c>, <c>M202612090100VolumeKeepers</c>).</summary>
internal static class VolumeDisks
{
    /// <summary>False while the volume exists in the database only (created on its own, never attached).</summary>
    public static Task<bool> IsOnClusterAsync(Db db, long volumeId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<bool>("SELECT on_cluster FROM volumes WHERE id = @volumeId", new { volumeId }, cancellationToken);

    public static Task SetOnClusterAsync(Db db, long volumeId, bool onCluster, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE volumes SET on_cluster = @onCluster WHERE id = @volumeId", new { volumeId, onCluster }, cancellationToken);

    /// <summary>The node that keeps the volume's detached disk (recorded when its detach was applied); null when unknown.</summary>
    public static Task<string?> NodeAsync(Db db, long volumeId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<string?>("SELECT node FROM volumes WHERE id = @volumeId", new { volumeId }, cancellationToken);

    /// <summary>
    /// A detach job left the volume's disk detached on the cluster, on <paramref name="node"/>: it is on the cluster
    /// whatever made it (an attach, or the server's create job for a volume launched with its server).
    /// </summary>
    public static Task SetKeptDetachedAsync(Db db, long volumeId, string? node, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE volumes SET on_cluster = @yes, node = @node WHERE id = @volumeId", new { volumeId, node, yes = true }, cancellationToken);

    /// <summary>The type name a front-end was given for it (reported back as given); null when none was.</summary>
    public static Task<string?> TypeLabelAsync(Db db, long volumeId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<string?>("SELECT type_label FROM volumes WHERE id = @volumeId", new { volumeId }, cancellationToken);

    public static Task SetTypeLabelAsync(Db db, long volumeId, string? label, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE volumes SET type_label = @label WHERE id = @volumeId", new { volumeId, label }, cancellationToken);
}
