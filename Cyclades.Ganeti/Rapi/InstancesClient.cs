using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// <c>/2/instances</c>. Every mutating call returns the id of the job that will do the work; whether
/// it worked is in the job (<see cref="JobsClient"/>). Operations on an unknown instance are no
/// exception: their job fails with <see cref="GanetiOpPrereqError"/> <c>unknown_entity</c>.
/// </summary>
public sealed class InstancesClient(RapiConnection connection)
{
    public async Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken = default)
    {
        var links = await connection.SendAsync(HttpMethod.Get, RapiPaths.Instances(bulk: false),
            RapiJsonContext.Default.IReadOnlyListGanetiResourceLink, cancellationToken);
        return links?.Select(link => link.IdText).ToList() ?? [];
    }

    /// <summary>Every instance with its fixed bulk fields (no osparams).</summary>
    public async Task<IReadOnlyList<GanetiInstance>> ListAsync(CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.Instances(bulk: true),
            RapiJsonContext.Default.IReadOnlyListGanetiInstance, cancellationToken) ?? [];

    /// <exception cref="GanetiNotFoundException">No such instance.</exception>
    public async Task<GanetiInstance> GetAsync(string name, CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.Instance(name), RapiJsonContext.Default.GanetiInstance, cancellationToken)
        ?? throw new GanetiProtocolException($"GET {RapiPaths.Instance(name)} answered null");

    /// <exception cref="GanetiInvalidRequestException">A tag Ganeti would refuse; nothing was sent.</exception>
    public Task<long> CreateAsync(InstanceCreateRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Tags?.FirstOrDefault(tag => !GanetiTags.IsValid(tag)) is { } badTag)
        {
            throw new GanetiInvalidRequestException(
                $"tag '{badTag}' of instance {request.Name} is not a valid Ganeti tag (1-{GanetiTags.MaxLength} of [\\w.+*/:@-])");
        }
        return connection.SubmitAsync(HttpMethod.Post, RapiPaths.Instances(bulk: false), request,
            RapiJsonContext.Default.InstanceCreateRequest, cancellationToken);
    }

    /// <summary>Starting a running instance is a job that succeeds.</summary>
    public Task<long> StartupAsync(string name, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.InstanceStartup(name), cancellationToken);

    /// <param name="timeoutSeconds">Clean-shutdown wait before forcing it; null = Ganeti's 120 s.</param>
    public Task<long> ShutdownAsync(string name, int? timeoutSeconds = null, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.InstanceShutdown(name), new InstanceShutdownRequest(timeoutSeconds),
            RapiJsonContext.Default.InstanceShutdownRequest, cancellationToken);

    /// <summary>A POST (a PUT gets HTTP 501).</summary>
    /// <param name="type">See <see cref="GanetiRebootTypes"/>.</param>
    /// <param name="shutdownTimeoutSeconds">Clean-shutdown wait; 0 = none; null = Ganeti's 120 s.</param>
    public Task<long> RebootAsync(string name, string type, int? shutdownTimeoutSeconds = null,
        CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Post, RapiPaths.InstanceReboot(name, type), new InstanceRebootRequest(shutdownTimeoutSeconds),
            RapiJsonContext.Default.InstanceRebootRequest, cancellationToken);

    public Task<long> ModifyAsync(string name, InstanceModifyRequest request, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.InstanceModify(name), request,
            RapiJsonContext.Default.InstanceModifyRequest, cancellationToken);

    /// <summary>A local export to <see cref="InstanceExportRequest.Destination"/>; it replaces an earlier export of the instance on any node.</summary>
    public Task<long> ExportAsync(string name, InstanceExportRequest request, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.InstanceExport(name), request,
            RapiJsonContext.Default.InstanceExportRequest, cancellationToken);

    public Task<long> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Delete, RapiPaths.Instance(name), cancellationToken);
}
