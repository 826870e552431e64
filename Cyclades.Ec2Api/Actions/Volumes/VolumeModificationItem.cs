using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Volumes;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>
/// The model's <c>VolumeModification</c>, every target and original field filled (Ansible overwrites its facts
/// from the <c>Target*</c> ones). A growth goes <c>modifying</c> → <c>completed</c> (or <c>failed</c>): Ganeti's
/// grow-disk has no optimizing phase. There are no IOPS or throughput to report.
/// </summary>
public sealed class VolumeModificationItem
{
    [Ec2Element("volumeId")]
    public required string VolumeId { get; init; }

    [Ec2Element("modificationState")]
    public required string ModificationState { get; init; }

    [Ec2Element("statusMessage")]
    public string? StatusMessage { get; init; }

    [Ec2Element("targetSize")]
    public required int TargetSize { get; init; }

    [Ec2Element("targetVolumeType")]
    public required string TargetVolumeType { get; init; }

    [Ec2Element("targetMultiAttachEnabled")]
    public bool TargetMultiAttachEnabled { get; init; }

    [Ec2Element("originalSize")]
    public required int OriginalSize { get; init; }

    [Ec2Element("originalVolumeType")]
    public required string OriginalVolumeType { get; init; }

    [Ec2Element("originalMultiAttachEnabled")]
    public bool OriginalMultiAttachEnabled { get; init; }

    [Ec2Element("progress")]
    public required long Progress { get; init; }

    [Ec2Element("startTime")]
    public required DateTimeOffset StartTime { get; init; }

    [Ec2Element("endTime")]
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>For paging: modifications in the order they were asked.</summary>
    internal long Number { get; private init; }

    public static string StateOf(VolumeModificationState state) => state switch
    {
        VolumeModificationState.Modifying => "modifying",
        VolumeModificationState.Completed => "completed",
        _ => "failed",
    };

    public static VolumeModificationItem From(VolumeModification m) => new()
    {
        Number = m.Id,
        VolumeId = VolumeIds.Of(m.VolumeId),
        ModificationState = StateOf(m.State),
        StatusMessage = m.StatusMessage,
        TargetSize = m.TargetSizeGiB,
        TargetVolumeType = m.TargetTypeLabel ?? VolumeTypeMapping.Default,
        OriginalSize = m.OriginalSizeGiB,
        OriginalVolumeType = m.OriginalTypeLabel ?? VolumeTypeMapping.Default,
        Progress = m.State == VolumeModificationState.Completed ? 100 : 0,
        StartTime = m.StartedAt,
        EndTime = m.EndedAt,
    };
}
