using Cyclades.Logic.Backends;
using Microsoft.Extensions.Configuration;

namespace Cyclades.Tests.Logic.Support;

/// <summary>The logic tests' backends, declared under <c>Cyclades:Backends:&lt;n&gt;</c> (the host gets them from the Ganeti configuration).</summary>
internal sealed class ConfiguredBackends(IConfiguration configuration) : IBackendDefinitionSource
{
    public IReadOnlyList<BackendDefinition> GetDefinitions() =>
        configuration.GetSection("Cyclades:Backends").Get<List<BackendDefinition>>() ?? [];
}
