using System.Globalization;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Idempotency;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.Networks;

/// <summary>
/// Ports made on their own (not by a launch): created detached (DOWN) on a subnet the user may use, with
/// an address from its pool; changed; deleted while detached. Nothing here reaches a cluster: a detached
/// port is only a reserved address until it is connected to a server. Another user's port is not found.
/// </summary>
public sealed class PortCommands(IDbConnectionFactory connections, IdempotentCreations idempotent, IPortGroupAssignment groups, TimeProvider clock)
{
    /// <summary>
    /// A detached port on the subnet holding the address asked for, else the pool's next free address; a member of
    /// the groups asked for, else (as every port in no group) of its network's default group. Under an idempotency
    /// key, a retry with the same parameters gets the port the first request made, even if it was changed since;
    /// if it was deleted since, the retry is told so (<see cref="NetworkNotFoundException"/> naming it) rather
    /// than given a second port.
    /// </summary>
    /// <exception cref="NetworkNotFoundException">The user may use no such subnet; or the key's port was deleted since.</exception>
    /// <exception cref="PrivateAddressUnavailableException">The chosen address is outside the subnet's range or held.</exception>
    /// <exception cref="SubnetFullException">The subnet has no free address.</exception>
    /// <exception cref="IdempotencyMismatchException">The key was used with other parameters.</exception>
    /// <exception cref="DomainException">The groups are refused (<see cref="IPortGroupAssignment"/>).</exception>
    public async Task<Port> CreateAsync(PortRequest request, CancellationToken cancellationToken)
    {
        var groupIds = request.SecurityGroupIds.Distinct().Order().ToList();
        var claim = IdempotencyClaim.Of(request.UserId, IdempotentKind.Port, request.IdempotencyKey,
            request.SubnetId, request.Address, request.Description, RequestFingerprint.TagsOf(request.Tags), groupIds);
        var created = await idempotent.CreateOnceAsync(claim, async db =>
        {
            // Locks the subnet: its pool hands out one address at a time (launches and floating IPs alike).
            var subnet = await SubnetRepository.LockForUserAsync(db, request.UserId, request.SubnetId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Subnet, request.SubnetId);
            if (request.Address is { } address)
            {
                await AddressPool.EnsureFreeAsync(db, subnet.Id, subnet.Cidr, address, cancellationToken);
            }
            var chosen = request.Address
                ?? (await AddressPool.FreeAsync(db, subnet.Id, subnet.Cidr, 1, cancellationToken))?[0]
                ?? throw new SubnetFullException(subnet.Id, subnet.Cidr);
            var port = new NewPort(request.UserId, ServerId: null, subnet.Id, DeviceIndex: 0, chosen, PortState.Down, request.Description,
                DeleteOnTermination: false);
            var portId = await PortService.AttachNewAsync(db, port, subnet.Cidr, Now, cancellationToken);
            await TagService.AddAsync(db, request.UserId, [ResourceOf(portId)], request.Tags, clock.GetUtcNow(), cancellationToken);
            if (groupIds.Count > 0)
            {
                await groups.AssignAsync(db, request.UserId, portId, groupIds, cancellationToken);
            }
            return portId;
        }, cancellationToken);
        return await GetAsync(request.UserId, created.ResourceId, cancellationToken);
    }

    /// <summary>Deletes a detached port: its address goes back to the pool, its tags and group memberships with it.</summary>
    /// <exception cref="NetworkNotFoundException">The user has no such port.</exception>
    /// <exception cref="PortInUseException">It is attached to a server.</exception>
    public Task DeleteAsync(string userId, long portId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var port = await LockAsync(db, userId, portId, cancellationToken);
            if (port.ServerId is { } serverId)
            {
                throw new PortInUseException(portId, serverId);
            }
            await TagRepository.DeleteAsync(db, userId, [ResourceOf(portId)], null, cancellationToken);
            await PortRepository.DeleteAsync(db, portId, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Changes what is given (null leaves it as it is); delete-on-termination only while attached, as it is the attachment's.</summary>
    /// <exception cref="NetworkNotFoundException">The user has no such port.</exception>
    /// <exception cref="PortNotAttachedException">Delete-on-termination asked of a detached port.</exception>
    public async Task<Port> ModifyAsync(string userId, long portId, PortChange change, CancellationToken cancellationToken)
    {
        await connections.WriteAsync(async db =>
        {
            var port = await LockAsync(db, userId, portId, cancellationToken);
            if (change.DeleteOnTermination is not null && port.ServerId is null)
            {
                throw new PortNotAttachedException(portId);
            }
            await PortRepository.UpdateAsync(db, port with
            {
                Description = change.Description ?? port.Description,
                SourceDestCheck = change.SourceDestCheck ?? port.SourceDestCheck,
                DeleteOnTermination = change.DeleteOnTermination ?? port.DeleteOnTermination,
            }, Now, cancellationToken);
            return true;
        }, cancellationToken);
        return await GetAsync(userId, portId, cancellationToken);
    }

    /// <summary>How a port is named among tagged resources.</summary>
    public static TaggedResource ResourceOf(long portId) =>
        new(TaggedResourceType.Port, portId.ToString(CultureInfo.InvariantCulture));

    private async Task<Port> GetAsync(string userId, long portId, CancellationToken cancellationToken) =>
        (await connections.ReadAsync(db => PortRepository.GetAsync(db, userId, portId, cancellationToken), cancellationToken))?.ToPort()
        ?? throw new NetworkNotFoundException(NetworkResource.Port, portId);

    private static async Task<PortRepository.PortRow> LockAsync(Db db, string userId, long portId, CancellationToken cancellationToken) =>
        await PortRepository.LockAsync(db, userId, portId, cancellationToken) ?? throw new NetworkNotFoundException(NetworkResource.Port, portId);

    private long Now => UnixTime.ToMicros(clock.GetUtcNow());
}

/// <summary>What <see cref="PortCommands.CreateAsync"/> makes.</summary>
/// <param name="Address">The address to take; null: the subnet pool's next free one.</param>
public sealed record PortRequest(string UserId, long SubnetId, string? Address = null)
{
    public string Description { get; init; } = "";

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The groups it is a member of; none: its network's default group.</summary>
    public IReadOnlyList<long> SecurityGroupIds { get; init; } = [];

    /// <summary>The caller's key: a retry with it and the same parameters gets the port the first request made.</summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>What <see cref="PortCommands.ModifyAsync"/> changes; null leaves a field as it is.</summary>
public sealed record PortChange(string? Description = null, bool? SourceDestCheck = null, bool? DeleteOnTermination = null);
