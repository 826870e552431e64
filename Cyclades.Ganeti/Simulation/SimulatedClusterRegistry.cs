using System.Collections.Concurrent;
using Cyclades.Ganeti.Configuration;
using Microsoft.Extensions.Options;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// The simulated clusters of this process, one per backend name, so that every driver of a backend
/// sees the same instances and jobs. Also the handle for acting on them outside the API.
/// </summary>
public sealed class SimulatedClusterRegistry(IOptions<GanetiOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, SimulatedGanetiCluster> _clusters = new(StringComparer.Ordinal);

    public SimulatedGanetiCluster GetOrCreate(string backendName) =>
        _clusters.GetOrAdd(backendName, name =>
        {
            var settings = options.Value.Simulator.Clone();
            settings.ClusterName = name;
            return new SimulatedGanetiCluster(settings, timeProvider);
        });

    public IReadOnlyCollection<SimulatedGanetiCluster> Clusters => _clusters.Values.ToList();
}
