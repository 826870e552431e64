namespace Cyclades.Logic.Errors;

public sealed class KeyPairExistsException(string name)
    : DomainException($"Key pair '{name}' already exists.")
{
    public string Name { get; } = name;
}
