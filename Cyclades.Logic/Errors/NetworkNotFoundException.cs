namespace Cyclades.Logic.Errors;

/// <summary>The user has no live network, subnet or port with this id (another user's is "not found" too).</summary>
public sealed class NetworkNotFoundException(NetworkResource resource, long id)
    : DomainException($"The {resource.ToString().ToLowerInvariant()} {id} does not exist.")
{
    public NetworkResource Resource { get; } = resource;

    public long Id { get; } = id;
}

/// <summary>The kinds of networking resource a domain error may be about.</summary>
public enum NetworkResource
{
    Network,
    Subnet,
    Port,
}
