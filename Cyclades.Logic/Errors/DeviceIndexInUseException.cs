namespace Cyclades.Logic.Errors;

/// <summary>The server already has a port at that device index.</summary>
public sealed class DeviceIndexInUseException(long serverId, int deviceIndex)
    : DomainException($"Server {serverId} already has a network interface at device index {deviceIndex}.")
{
    public long ServerId { get; } = serverId;

    public int DeviceIndex { get; } = deviceIndex;
}
