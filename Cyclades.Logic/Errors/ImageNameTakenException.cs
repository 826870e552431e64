namespace Cyclades.Logic.Errors;

/// <summary>The owner already has a registered image of that name.</summary>
public sealed class ImageNameTakenException(string name)
    : DomainException($"An image named '{name}' is already registered.")
{
    public string Name { get; } = name;
}
