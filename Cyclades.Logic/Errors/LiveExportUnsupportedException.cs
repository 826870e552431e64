namespace Cyclades.Logic.Errors;

/// <summary>An image of a running server without stopping it needs disks the cluster can snapshot; this server's cannot be.</summary>
public sealed class LiveExportUnsupportedException(long serverId, string diskTemplate)
    : DomainException($"Server {serverId} cannot be exported while running: the cluster cannot snapshot its '{diskTemplate}' disks.")
{
    public long ServerId { get; } = serverId;

    public string DiskTemplate { get; } = diskTemplate;
}
