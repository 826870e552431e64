namespace Cyclades.Logic.Errors;

public sealed class ServerDeletedException(long serverId)
    : DomainException($"Server '{serverId}' has been deleted.")
{
    public long ServerId { get; } = serverId;
}
