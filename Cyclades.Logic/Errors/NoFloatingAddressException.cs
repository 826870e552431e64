namespace Cyclades.Logic.Errors;

/// <summary>No public subnet has a free address for a new floating IP.</summary>
public sealed class NoFloatingAddressException()
    : DomainException("No public subnet has a free address.");
