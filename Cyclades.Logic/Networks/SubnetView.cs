namespace Cyclades.Logic.Networks;

/// <summary>A subnet as one user sees it.</summary>
/// <param name="NetworkId">The network holding it for this user: his default network for a public subnet.</param>
/// <param name="BackendName">The backend (cluster) it lives on.</param>
/// <param name="AvailableAddresses">How many more addresses its pool can hand out.</param>
public sealed record SubnetView(Subnet Subnet, long NetworkId, string BackendName, long AvailableAddresses)
{
    /// <summary>A public subnet is its backend's default subnet for every user.</summary>
    public bool IsDefaultForBackend => Subnet.IsPublic;
}
