namespace Cyclades.Logic.Networks;

/// <summary>
/// A network interface: an address on one subnet, attached to a server at <see cref="DeviceIndex"/>
/// (0 = primary) or detached. On Ganeti it is the instance's NIC named <c>snf-nic-&lt;id&gt;</c>.
/// </summary>
/// <param name="ServerId">The server it is attached to; null when detached.</param>
/// <param name="Mac">Chosen by Ganeti; unknown until the NIC exists there.</param>
/// <param name="DeleteOnTermination">Goes (with its address) when its server is destroyed; else stays, detached.</param>
/// <param name="PendingRestart">
/// Its NIC was added to the running server without hotplug: it is in the cluster's configuration, and
/// the guest sees it from the server's next start (or reboot).
/// </param>
public sealed record Port(
    long Id,
    string UserId,
    long? ServerId,
    long SubnetId,
    int DeviceIndex,
    string? Address,
    string? Mac,
    PortState State,
    string Description,
    bool SourceDestCheck,
    bool DeleteOnTermination,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool PendingRestart = false);

/// <summary>As Synnefo: DOWN (no server), BUILD (attached, not yet seen on the cluster), ACTIVE (seen there), ERROR.</summary>
public enum PortState
{
    Down,
    Build,
    Active,
    Error,
}

/// <summary>What a new port is.</summary>
internal sealed record NewPort(
    string UserId,
    long? ServerId,
    long SubnetId,
    int DeviceIndex,
    string? Address,
    PortState State,
    string Description = "",
    bool SourceDestCheck = true,
    bool DeleteOnTermination = true);
