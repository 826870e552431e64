using Cyclades.Logic.Backends;
using Microsoft.Extensions.Options;

namespace Cyclades.Ganeti.Configuration;

/// <summary>The configured Ganeti clusters, as the backends the logic layer places servers on.</summary>
internal sealed class GanetiBackendDefinitions(IOptions<GanetiOptions> options) : IBackendDefinitionSource
{
    public IReadOnlyList<BackendDefinition> GetDefinitions() =>
        options.Value.Clusters.Select(cluster => cluster.ToDefinition()).ToList();
}
