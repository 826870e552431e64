using Cyclades.Logic.Configuration;

namespace Cyclades.Logic.Catalog;

/// <summary>A server size (named after an EC2 instance type).</summary>
/// <param name="Deleted">No longer offered (retired from configuration or deprecated); existing servers keep it.</param>
public sealed record Flavor(long Id, string Name, int Cpu, int RamMiB, int DiskGiB, string DiskTemplate, bool Deleted)
{
    public DefinitionOrigin Origin { get; init; } = DefinitionOrigin.Config;
}
