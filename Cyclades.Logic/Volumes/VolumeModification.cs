namespace Cyclades.Logic.Volumes;

public enum VolumeModificationState
{
    /// <summary>The cluster is growing the disk.</summary>
    Modifying,
    Completed,
    Failed,
}

/// <summary>
/// One change of a volume's size (and of the type name a front-end gave it): from when it was asked until the
/// cluster finished it (at once for a volume whose disk is not on the cluster yet).
/// </summary>
/// <param name="OriginalTypeLabel">The type name before (null when none was given).</param>
/// <param name="StatusMessage">Why it failed.</param>
public sealed record VolumeModification(
    long Id,
    long VolumeId,
    int OriginalSizeGiB,
    int TargetSizeGiB,
    string? OriginalTypeLabel,
    string? TargetTypeLabel,
    VolumeModificationState State,
    string? StatusMessage,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt);
