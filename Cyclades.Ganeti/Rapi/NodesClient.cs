using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi;

/// <summary><c>/2/nodes</c>.</summary>
public sealed class NodesClient(RapiConnection connection)
{
    public async Task<IReadOnlyList<GanetiNode>> ListAsync(CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.Nodes(bulk: true),
            RapiJsonContext.Default.IReadOnlyListGanetiNode, cancellationToken) ?? [];
}
