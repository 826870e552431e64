using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi;

/// <summary><c>/2/networks</c>: Ganeti networks (address ranges with a pool) and their connections to node groups.</summary>
public sealed class NetworksClient(RapiConnection connection)
{
    public async Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken = default)
    {
        var links = await connection.SendAsync(HttpMethod.Get, RapiPaths.Networks,
            RapiJsonContext.Default.IReadOnlyListGanetiResourceLink, cancellationToken);
        return links?.Select(link => link.IdText).ToList() ?? [];
    }

    /// <summary>The network; null when the cluster has none of that name.</summary>
    public async Task<GanetiNetwork?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await connection.SendAsync(HttpMethod.Get, RapiPaths.Network(name), RapiJsonContext.Default.GanetiNetwork, cancellationToken);
        }
        catch (GanetiNotFoundException)
        {
            return null;
        }
    }

    public Task<long> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Post, RapiPaths.Networks, request, RapiJsonContext.Default.NetworkCreateRequest, cancellationToken);

    public Task<long> ConnectAsync(string name, NetworkConnectRequest request, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.NetworkConnect(name), request, RapiJsonContext.Default.NetworkConnectRequest, cancellationToken);

    public Task<long> DisconnectAsync(string name, string group, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.NetworkDisconnect(name), new NetworkDisconnectRequest(group),
            RapiJsonContext.Default.NetworkDisconnectRequest, cancellationToken);

    /// <summary>Fails (in the job) while the network is connected to a group or an instance uses it.</summary>
    public Task<long> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Delete, RapiPaths.Network(name), cancellationToken);
}
