using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>A Ganeti network of the simulated cluster: its range and the node groups it is connected to.</summary>
internal sealed class SimulatedNetwork
{
    public required string Name { get; init; }

    public required string Cidr { get; init; }

    public string? Gateway { get; init; }

    public string Uuid { get; } = Guid.NewGuid().ToString();

    /// <summary>Connected groups: [group, mode, link, vlan], as Ganeti lists them.</summary>
    public List<IReadOnlyList<string>> Groups { get; } = [];

    public GanetiNetwork ToModel(IEnumerable<SimulatedInstance> instances) => new()
    {
        Name = Name,
        Network = Cidr,
        Gateway = Gateway,
        GroupList = Groups.ToList(),
        Instances = instances.Where(i => i.Nics.Any(nic => nic.Network == Name)).Select(i => i.Name).Order(StringComparer.Ordinal).ToList(),
        Tags = [],
        Uuid = Uuid,
    };
}
