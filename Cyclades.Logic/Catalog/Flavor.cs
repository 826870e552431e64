namespace Cyclades.Logic.Catalog;

/// <summary>A server size (named after an EC2 instance type).</summary>
/// <param name="Deleted">No longer offered; existing servers keep it.</param>
public sealed record Flavor(long Id, string Name, int Cpu, int RamMiB, int DiskGiB, string DiskTemplate, bool Deleted);
