namespace Cyclades.Logic.Errors;

/// <summary>The user has no floating IP with this id or address (another user's is "not found" too).</summary>
/// <param name="Id">The id asked for; null when asked by address.</param>
public sealed class FloatingIpNotFoundException(long? id, string? address)
    : DomainException(id is { } i ? $"Floating IP {i} does not exist." : $"Floating IP {address} does not exist.")
{
    public long? Id { get; } = id;

    public string? Address { get; } = address;
}
