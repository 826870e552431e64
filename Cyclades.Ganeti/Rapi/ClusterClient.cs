using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi;

/// <summary>The cluster as a whole: <c>/version</c>, <c>/2/info</c>, <c>/2/features</c>, <c>/2/os</c>, <c>/2/modify</c>.</summary>
public sealed class ClusterClient(RapiConnection connection)
{
    /// <summary>The RAPI version (2).</summary>
    public async Task<int> GetVersionAsync(CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.Version, RapiJsonContext.Default.Int32, cancellationToken);

    public async Task<GanetiClusterInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.Info, RapiJsonContext.Default.GanetiClusterInfo, cancellationToken)
        ?? throw new GanetiProtocolException($"GET {RapiPaths.Info} answered null");

    /// <summary>e.g. <c>instance-create-reqv1</c> (required by <see cref="InstancesClient.CreateAsync"/>).</summary>
    public async Task<IReadOnlyList<string>> GetFeaturesAsync(CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.Features, RapiJsonContext.Default.IReadOnlyListString, cancellationToken) ?? [];

    /// <summary>Every OS with its variants, e.g. <c>noop+default</c>. Slow: it asks the nodes.</summary>
    public async Task<IReadOnlyList<string>> GetOperatingSystemsAsync(CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.OperatingSystems, RapiJsonContext.Default.IReadOnlyListString, cancellationToken) ?? [];

    /// <summary>Changes cluster parameters; returns the job id.</summary>
    public Task<long> ModifyAsync(ClusterModifyRequest request, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.ClusterModify, request, RapiJsonContext.Default.ClusterModifyRequest, cancellationToken);
}
