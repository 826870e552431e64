namespace Cyclades.Logic.Errors;

/// <summary>
/// The cluster is removing the export of a deregistered image of the server, in the place a new export
/// of it would go: a new image of the server can be made once that removal is done.
/// </summary>
public sealed class ServerExportBeingRemovedException(long serverId)
    : DomainException($"The export of a deregistered image of server {serverId} is being removed; try again shortly.")
{
    public long ServerId { get; } = serverId;
}
