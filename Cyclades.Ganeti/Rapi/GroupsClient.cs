using Cyclades.Ganeti.Rapi.Json;

namespace Cyclades.Ganeti.Rapi;

/// <summary><c>/2/groups</c>: node groups (networks are connected per group).</summary>
public sealed class GroupsClient(RapiConnection connection)
{
    public async Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken = default)
    {
        var links = await connection.SendAsync(HttpMethod.Get, RapiPaths.Groups,
            RapiJsonContext.Default.IReadOnlyListGanetiResourceLink, cancellationToken);
        return links?.Select(link => link.IdText).ToList() ?? [];
    }
}
