namespace Cyclades.Logic.Errors;

public sealed class FlavorNotFoundException(string name)
    : DomainException($"Flavor '{name}' does not exist.")
{
    public string Name { get; } = name;
}
