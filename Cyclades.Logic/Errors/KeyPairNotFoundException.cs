namespace Cyclades.Logic.Errors;

/// <summary>The user has no key pair of this name (another user's key pair is "not found" too).</summary>
public sealed class KeyPairNotFoundException(string name)
    : DomainException($"Key pair '{name}' does not exist.")
{
    public string Name { get; } = name;
}
