namespace Cyclades.Logic.Volumes;

/// <summary>
/// A block device of a user: a disk of one server (<see cref="ServerId"/>, <see cref="DiskIndex"/>,
/// 0 = the root) or, when detached, of none. Its size counts in <c>cyclades.disk</c> until it is deleted.
/// </summary>
public sealed record Volume
{
    public required long Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>The cluster it lives on (its availability zone).</summary>
    public required long BackendId { get; init; }

    public long? ServerId { get; init; }

    /// <summary>Position among the server's disks; 0 is the root volume.</summary>
    public int? DiskIndex { get; init; }

    public required int SizeGiB { get; init; }

    /// <summary>The disk template the cluster stores it with (<c>file</c>, <c>plain</c>, <c>drbd</c>…).</summary>
    public required string VolumeType { get; init; }

    public required VolumeStatus Status { get; init; }

    /// <summary>The image it was filled from; null for a blank volume.</summary>
    public long? OriginImageId { get; init; }

    /// <summary>Deleted with its server; when false, terminating the server leaves it detached.</summary>
    public bool DeleteOnTermination { get; init; } = true;

    /// <summary>
    /// The device name the user chose, kept exactly as given and reported back (the cluster only
    /// appends disks, so the guest's names follow <see cref="DiskIndex"/>); null when none was given.
    /// </summary>
    public string? DeviceName { get; init; }

    /// <summary>The last commission of its size (null when it rides in its server's, as migrated root volumes do).</summary>
    public long? CommissionId { get; init; }

    public DateTimeOffset? AttachedAt { get; init; }

    public bool Deleted { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool IsRoot => ServerId is not null && DiskIndex == 0;

    /// <summary>The cluster's name for its disk.</summary>
    public string DiskName => VolumeNames.DiskName(Id);

    /// <summary>This volume once it no longer exists: deleted, detached.</summary>
    public Volume AsDeleted(DateTimeOffset at) => this with
    {
        Status = VolumeStatus.Deleted,
        Deleted = true,
        DeletedAt = at,
        ServerId = null,
        DiskIndex = null,
        AttachedAt = null,
        UpdatedAt = at,
    };

    /// <summary>This volume attached to no server.</summary>
    public Volume AsDetached(DateTimeOffset at) => this with
    {
        Status = VolumeStatus.Available,
        ServerId = null,
        DiskIndex = null,
        AttachedAt = null,
        UpdatedAt = at,
    };
}
