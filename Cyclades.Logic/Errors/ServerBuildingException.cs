namespace Cyclades.Logic.Errors;

/// <summary>The server is still being built (operstate BUILD or a pending BUILD task).</summary>
public sealed class ServerBuildingException(long serverId)
    : DomainException($"Server '{serverId}' is being built.")
{
    public long ServerId { get; } = serverId;
}
