namespace Cyclades.Logic.Errors;

/// <summary>
/// A cluster keeps one export per server, so a second image of the same server would replace what
/// an earlier, still registered image launches from: that image must be deregistered first.
/// </summary>
public sealed class ServerExportInUseException(long serverId, long imageId)
    : DomainException($"Server {serverId} already backs image {imageId}; deregister that image before making another of the server.")
{
    public long ServerId { get; } = serverId;

    public long ImageId { get; } = imageId;
}
