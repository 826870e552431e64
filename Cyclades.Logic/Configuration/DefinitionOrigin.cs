namespace Cyclades.Logic.Configuration;

/// <summary>
/// Where a flavor, image or backend was defined. The start-up sync manages only what configuration
/// defines; what an operator added with the admin command line is left alone, unless configuration
/// later defines the same name (then configuration takes it over). A user's own image
/// (<see cref="User"/>) is neither's: configuration cannot take it over.
/// </summary>
public enum DefinitionOrigin
{
    Config,
    Admin,
    User,
}
