namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// A disk of the simulated cluster: a top-level configuration object, as in Ganeti 2.14+. It belongs
/// to at most one instance; a detached one stays on its node with its template (and its data).
/// </summary>
internal sealed class SimulatedDisk
{
    public string Uuid { get; } = Guid.NewGuid().ToString();
    public required string? Name { get; set; }
    public required int SizeMiB { get; set; }
    public required string Template { get; init; }
    public required string Node { get; set; }
}
