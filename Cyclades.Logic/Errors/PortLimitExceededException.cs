namespace Cyclades.Logic.Errors;

/// <summary>The server has as many ports as a Ganeti instance may have NICs.</summary>
public sealed class PortLimitExceededException(long serverId, int limit)
    : DomainException($"Server {serverId} has {limit} network interfaces, the most it can have.")
{
    public long ServerId { get; } = serverId;

    public int Limit { get; } = limit;
}
