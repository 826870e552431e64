namespace Cyclades.Logic.Errors;

public sealed class BackendNotFoundException(string name)
    : DomainException($"Backend '{name}' does not exist.")
{
    public string Name { get; } = name;
}
