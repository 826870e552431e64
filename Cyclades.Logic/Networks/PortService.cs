using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>Port steps other services run inside their own transactions.</summary>
internal static class PortService
{
    /// <summary>Creates the port and takes its address from the subnet's pool (the caller checked it is free and locked the subnet).</summary>
    public static async Task<long> AttachNewAsync(Db db, NewPort port, string cidr, long now, CancellationToken cancellationToken)
    {
        var id = await PortRepository.InsertAsync(db, port, now, cancellationToken);
        if (port.Address is { } address)
        {
            await AddressPool.HoldAsync(db, port.SubnetId, cidr, address, id, floatingIpId: null, now, cancellationToken);
        }
        return id;
    }
}
