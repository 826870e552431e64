using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// An instance's disks: the <c>disks</c> change list of <c>/2/instances/&lt;name&gt;/modify</c>
/// (<c>OP_INSTANCE_SET_PARAMS</c>) and <c>/2/instances/&lt;name&gt;/disk/&lt;index&gt;/grow</c>
/// (<c>OP_INSTANCE_GROW_DISK</c>). Each call returns the id of the job; refusals (a remove from a
/// running instance without hotplug, a disk on another node, an unknown name) fail inside the job.
/// </summary>
/// <remarks>
/// Ganeti 3.0 has no RAPI resource that lists or deletes detached disks: a detached disk is found
/// again only by the name or UUID kept for it, and destroyed by attaching it to a stopped instance of
/// its template on its node and removing it there in a second job that depends on the first.
/// </remarks>
public sealed class InstanceDisksClient(RapiConnection connection)
{
    /// <param name="hotplugIfPossible">Ganeti 3.0 only; see <see cref="InstanceModifyRequest.HotplugIfPossible"/>.</param>
    /// <param name="afterJobId">A job that must succeed first (the change fails if it does not).</param>
    public Task<long> ChangeAsync(string instanceName, InstanceDiskChange change, bool? hotplugIfPossible = null,
        long? afterJobId = null, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Put, RapiPaths.InstanceModify(instanceName),
            new InstanceModifyRequest
            {
                Disks = [change],
                HotplugIfPossible = hotplugIfPossible,
                Depends = afterJobId is { } jobId ? JobDependencies.OnSuccessOf(jobId) : null,
            },
            RapiJsonContext.Default.InstanceModifyRequest, cancellationToken);

    /// <param name="sizeMiB">The new size (absolute, so a repeated request changes nothing).</param>
    public Task<long> GrowAsync(string instanceName, int diskIndex, int sizeMiB, CancellationToken cancellationToken = default) =>
        connection.SubmitAsync(HttpMethod.Post, RapiPaths.InstanceDiskGrow(instanceName, diskIndex),
            new DiskGrowRequest(sizeMiB, Absolute: true), RapiJsonContext.Default.DiskGrowRequest, cancellationToken);
}
