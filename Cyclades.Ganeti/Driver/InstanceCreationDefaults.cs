namespace Cyclades.Ganeti.Driver;

/// <summary>What a cluster's configuration adds to every instance created on it.</summary>
/// <param name="Hypervisor">Null: the cluster's default hypervisor.</param>
/// <param name="PrimaryNode">Null: the cluster's default iallocator places the instance.</param>
/// <param name="Network">
/// Ganeti network of the first NIC: its address is then the requested one (which must lie in the
/// network and be free) or one from the network's pool. Null: a NIC on the cluster's default link,
/// with the requested address as plain metadata (Ganeti checks neither range nor uniqueness).
/// </param>
public sealed record InstanceCreationDefaults(string? Hypervisor = null, string? PrimaryNode = null, string? Network = null)
{
    /// <summary>The NIC mode users' private networks are connected with.</summary>
    public string PrivateNetworkMode { get; init; } = "bridged";

    /// <summary>The link users' private networks are connected with; null = the cluster's default NIC link.</summary>
    public string? PrivateNetworkLink { get; init; }
}
