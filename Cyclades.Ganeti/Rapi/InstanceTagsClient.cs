using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Json;

namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// An instance's tags: <c>/2/instances/&lt;name&gt;/tags</c>. Adding (<c>PUT</c>, <c>OP_TAGS_SET</c>)
/// and removing (<c>DELETE</c>, <c>OP_TAGS_DEL</c>) are jobs naming the instance as
/// <c>kind: instance</c>, <c>name</c> (no <c>instance_name</c>); removing a tag the instance lacks
/// fails the whole job (<c>OpPrereqError</c>), adding one it has changes nothing.
/// </summary>
public sealed class InstanceTagsClient(RapiConnection connection)
{
    /// <exception cref="GanetiNotFoundException">No such instance.</exception>
    public async Task<IReadOnlyList<string>> ListAsync(string instanceName, CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.InstanceTags(instanceName, []),
            RapiJsonContext.Default.IReadOnlyListString, cancellationToken) ?? [];

    /// <exception cref="GanetiInvalidRequestException">No tags, or a tag Ganeti would refuse; nothing was sent.</exception>
    public Task<long> AddAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.InstanceTags(instanceName, Checked(instanceName, tags)), cancellationToken);

    /// <exception cref="GanetiInvalidRequestException">No tags, or a tag Ganeti would refuse; nothing was sent.</exception>
    public Task<long> RemoveAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Delete, RapiPaths.InstanceTags(instanceName, Checked(instanceName, tags)), cancellationToken);

    private static IReadOnlyList<string> Checked(string instanceName, IReadOnlyList<string> tags)
    {
        if (tags.Count == 0)
        {
            throw new GanetiInvalidRequestException($"no tags given for instance {instanceName}");
        }
        if (tags.FirstOrDefault(tag => !GanetiTags.IsValid(tag)) is { } badTag)
        {
            throw new GanetiInvalidRequestException(
                $"tag '{badTag}' of instance {instanceName} is not a valid Ganeti tag (1-{GanetiTags.MaxLength} of [\\w.+*/:@-])");
        }
        return tags;
    }
}
