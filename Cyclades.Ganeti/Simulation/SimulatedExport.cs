namespace Cyclades.Ganeti.Simulation;

/// <summary>A local export a node keeps (as <c>gnt-backup list</c> shows it): what an import restores.</summary>
internal sealed record SimulatedExport(string InstanceName, string Node, string Path, string Os, string DiskTemplate, IReadOnlyList<int> DiskSizesMiB);
