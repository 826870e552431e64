namespace Cyclades.Logic.Errors;

/// <summary>The resource cannot be deleted while something depends on it (a network's subnets, a subnet's ports).</summary>
public sealed class NetworkInUseException(NetworkResource resource, long id, string dependents)
    : DomainException($"The {resource.ToString().ToLowerInvariant()} {id} has dependencies and cannot be deleted: {dependents}.")
{
    public NetworkResource Resource { get; } = resource;

    public long Id { get; } = id;

    public string Dependents { get; } = dependents;
}
