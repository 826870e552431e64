namespace Cyclades.Logic.Configuration;

/// <summary>Bound from the <c>Cyclades</c> section: settings shared by every layer.</summary>
public sealed class CycladesOptions
{
    public const string Section = "Cyclades";

    /// <summary>Where the embedded default keeps its SQLite database and generated keys.</summary>
    public string DataDirectory { get; set; } = "./data";
}
