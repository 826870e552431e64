using System.Globalization;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.Networks;

/// <summary>
/// Ports made on their own (not by a launch): created detached (DOWN) on a subnet the user may use, with
/// an address from its pool; changed; deleted while detached. Nothing here reaches a cluster: a detached
/// port is only a reserved address until it is connected to a server. Another user's port is not found.
/// </summary>
public sealed class PortCommands(IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>A detached port on the subnet holding <paramref name="address"/>, else the pool's next free address.</summary>
    /// <exception cref="NetworkNotFoundException">The user may use no such subnet.</exception>
    /// <exception cref="PrivateAddressUnavailableException">The chosen address is outside the subnet's range or held.</exception>
    /// <exception cref="SubnetFullException">The subnet has no free address.</exception>
    public async Task<Port> CreateAsync(string userId, long subnetId, string? address, string description, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        var id = await connections.WriteAsync(async db =>
        {
            // Locks the subnet: its pool hands out one address at a time (launches and floating IPs alike).
            var subnet = await SubnetRepository.LockForUserAsync(db, userId, subnetId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Subnet, subnetId);
            if (address is not null)
            {
                await AddressPool.EnsureFreeAsync(db, subnet.Id, subnet.Cidr, address, cancellationToken);
            }
            var chosen = address
                ?? (await AddressPool.FreeAsync(db, subnet.Id, subnet.Cidr, 1, cancellationToken))?[0]
                ?? throw new SubnetFullException(subnet.Id, subnet.Cidr);
            var port = new NewPort(userId, ServerId: null, subnet.Id, DeviceIndex: 0, chosen, PortState.Down, description, DeleteOnTermination: false);
            var portId = await PortService.AttachNewAsync(db, port, subnet.Cidr, Now, cancellationToken);
            await TagService.AddAsync(db, userId, [ResourceOf(portId)], tags, clock.GetUtcNow(), cancellationToken);
            return portId;
        }, cancellationToken);
        return await GetAsync(userId, id, cancellationToken);
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

/// <summary>What <see cref="PortCommands.ModifyAsync"/> changes; null leaves a field as it is.</summary>
public sealed record PortChange(string? Description = null, bool? SourceDestCheck = null, bool? DeleteOnTermination = null);
