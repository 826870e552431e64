using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Volumes;

/// <summary>No volume with these ids belongs to the user (another user's volume is "not found" too).</summary>
public sealed class VolumeNotFoundException(IReadOnlyList<long> volumeIds)
    : DomainException($"Volume(s) not found: {string.Join(", ", volumeIds)}.")
{
    public IReadOnlyList<long> VolumeIds { get; } = volumeIds;
}

/// <summary>The volume's status does not allow the action.</summary>
public sealed class VolumeStateException(long volumeId, VolumeStatus status)
    : DomainException($"Volume {volumeId} is {status}.")
{
    public long VolumeId { get; } = volumeId;

    public VolumeStatus Status { get; } = status;
}

/// <summary>The volume is attached to a server (so it cannot be attached again or deleted).</summary>
public sealed class VolumeInUseException(long volumeId, long serverId)
    : DomainException($"Volume {volumeId} is attached to server {serverId}.")
{
    public long VolumeId { get; } = volumeId;

    public long ServerId { get; } = serverId;
}

/// <summary>The volume and the server live on different clusters.</summary>
public sealed class VolumeZoneMismatchException(long volumeId, long serverId)
    : DomainException($"Volume {volumeId} is not on the cluster of server {serverId}.")
{
    public long VolumeId { get; } = volumeId;

    public long ServerId { get; } = serverId;
}

/// <summary>The server already has a volume under this device name.</summary>
public sealed class DeviceInUseException(string deviceName)
    : DomainException($"Device {deviceName} is already in use.")
{
    public string DeviceName { get; } = deviceName;
}

/// <summary>A detach named a server or device the volume is not attached to (or as).</summary>
public sealed class VolumeNotAttachedException(long volumeId, long? serverId, string? deviceName)
    : DomainException($"Volume {volumeId} is not attached to server {serverId} as {deviceName}.")
{
    public long VolumeId { get; } = volumeId;

    public long? ServerId { get; } = serverId;

    public string? DeviceName { get; } = deviceName;
}

/// <summary>A volume size the request may not have (out of range, or smaller than the current one).</summary>
public sealed class InvalidVolumeSizeException(long? volumeId, int sizeGiB, string reason)
    : DomainException($"Invalid size {sizeGiB} GiB: {reason}")
{
    public long? VolumeId { get; } = volumeId;

    public int SizeGiB { get; } = sizeGiB;

    public string Reason { get; } = reason;
}

/// <summary>The cluster does not offer this volume type (disk template).</summary>
public sealed class VolumeTypeUnavailableException(string volumeType, string backend)
    : DomainException($"Volume type {volumeType} is not enabled on {backend}.")
{
    public string VolumeType { get; } = volumeType;

    public string Backend { get; } = backend;
}

/// <summary>The volume's type (disk template) is not the server's: a cluster instance has one disk template.</summary>
public sealed class VolumeTypeMismatchException(long volumeId, string volumeType, long serverId, string serverType)
    : DomainException($"Volume {volumeId} is of type {volumeType}; server {serverId} takes {serverType} volumes only.")
{
    public long VolumeId { get; } = volumeId;

    public string VolumeType { get; } = volumeType;

    public long ServerId { get; } = serverId;

    public string ServerType { get; } = serverType;
}

/// <summary>The volume is still being modified: one modification at a time.</summary>
public sealed class VolumeModificationInProgressException(long volumeId)
    : DomainException($"Volume {volumeId} is still being modified.")
{
    public long VolumeId { get; } = volumeId;
}

/// <summary>A modification that would change nothing.</summary>
public sealed class VolumeUnchangedException(long volumeId, int sizeGiB, string? typeLabel)
    : DomainException($"The modification of volume {volumeId} changes nothing.")
{
    public long VolumeId { get; } = volumeId;

    public int SizeGiB { get; } = sizeGiB;

    public string? TypeLabel { get; } = typeLabel;
}
