namespace Cyclades.Logic.Volumes;

/// <summary>What is known of a volume before it exists.</summary>
internal sealed record NewVolume(
    string UserId,
    long BackendId,
    long? ServerId,
    int? DiskIndex,
    int SizeGiB,
    string VolumeType,
    VolumeStatus Status,
    long? OriginImageId,
    bool DeleteOnTermination,
    string? DeviceName);
