namespace Cyclades.Logic.Errors;

/// <summary>
/// An operation the default network does not allow: it cannot be deleted and holds only the public
/// subnets (the operator's, one per backend).
/// </summary>
public sealed class DefaultNetworkException(string operation)
    : DomainException($"The default network cannot {operation}.")
{
    public string Operation { get; } = operation;
}
