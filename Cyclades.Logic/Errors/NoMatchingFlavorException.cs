namespace Cyclades.Logic.Errors;

/// <summary>The cluster resized a server to specs that no flavor has, so the change cannot be recorded.</summary>
public sealed class NoMatchingFlavorException(long serverId, int cpu, int ramMiB, string volumeType)
    : DomainException($"Server '{serverId}' was resized to {cpu} CPU / {ramMiB} MiB RAM, which matches no flavor allowing volume type {volumeType}.")
{
    public long ServerId { get; } = serverId;

    public int Cpu { get; } = cpu;

    public int RamMiB { get; } = ramMiB;

    public string VolumeType { get; } = volumeType;
}
