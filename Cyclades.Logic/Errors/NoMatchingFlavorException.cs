namespace Cyclades.Logic.Errors;

/// <summary>The cluster resized a server to specs that no flavor has, so the change cannot be recorded.</summary>
public sealed class NoMatchingFlavorException(long serverId, int cpu, int ramMiB, int diskGiB, string diskTemplate)
    : DomainException($"Server '{serverId}' was resized to {cpu} CPU / {ramMiB} MiB RAM / {diskGiB} GiB {diskTemplate} disk, which matches no flavor.")
{
    public long ServerId { get; } = serverId;

    public int Cpu { get; } = cpu;

    public int RamMiB { get; } = ramMiB;

    public int DiskGiB { get; } = diskGiB;

    public string DiskTemplate { get; } = diskTemplate;
}
