using System.Collections.Concurrent;
using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Ganeti.Driver;

/// <summary>
/// Drivers for backends: over the simulated cluster of that backend when the endpoint says
/// <see cref="BackendEndpoint.Simulated"/>, else over a RAPI client with the endpoint's address,
/// credentials and TLS settings. One driver (and connection pool) per backend and endpoint.
/// </summary>
public sealed class GanetiClusterDriverFactory(
    IOptions<GanetiOptions> options, SimulatedClusterRegistry simulators, ILoggerFactory? loggers = null)
    : IClusterDriverFactory, IDisposable
{
    private readonly ConcurrentDictionary<(string Backend, BackendEndpoint Endpoint), Lazy<(GanetiClusterDriver Driver, GanetiRapiClient Client)>> _drivers = new();

    public IClusterDriver Create(string backendName, BackendEndpoint endpoint) =>
        _drivers.GetOrAdd((backendName, endpoint), key => new Lazy<(GanetiClusterDriver, GanetiRapiClient)>(() => Build(key.Backend, key.Endpoint)))
            .Value.Driver;

    private (GanetiClusterDriver, GanetiRapiClient) Build(string backendName, BackendEndpoint endpoint)
    {
        var configured = options.Value.Clusters.FirstOrDefault(cluster => cluster.Name == backendName);
        var client = endpoint.Simulated
            ? new GanetiRapiClient(Settings(SimulatedGanetiCluster.BaseAddress), simulators.GetOrCreate(backendName).CreateHandler())
            : new GanetiRapiClient(Settings(RapiAddress(backendName, endpoint)) with
            {
                User = endpoint.User,
                Password = endpoint.Password,
                InsecureSkipTlsVerify = endpoint.InsecureSkipTlsVerify,
                CertificateFingerprint = endpoint.CertificateFingerprint,
                CaCertificateFile = configured?.CaCertificateFile,
            });
        var defaults = configured?.ToCreationDefaults() ?? new InstanceCreationDefaults();
        var exportRemover = endpoint.Simulated
            ? new SimulatedExportRemover(simulators.GetOrCreate(backendName))
            : ExportRemover.For(configured?.ExportRemoveCommand ?? [], TimeSpan.FromSeconds(configured?.ExportRemoveTimeoutSeconds ?? 300));
        return (new GanetiClusterDriver(backendName, client, defaults, loggers?.CreateLogger<GanetiClusterDriver>(), exportRemover), client);
    }

    private RapiClientSettings Settings(Uri address) => new(address)
    {
        RequestTimeout = TimeSpan.FromMilliseconds(options.Value.RequestTimeoutMs),
        ConnectTimeout = TimeSpan.FromMilliseconds(options.Value.ConnectTimeoutMs),
        MaxGetRetries = options.Value.GetRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(options.Value.RetryBaseDelayMs),
    };

    private static Uri RapiAddress(string backendName, BackendEndpoint endpoint) =>
        Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new ArgumentException($"backend '{backendName}': '{endpoint.Url}' is not the https:// URL of a Ganeti RAPI", nameof(endpoint));

    public void Dispose()
    {
        foreach (var entry in _drivers.Values.Where(entry => entry.IsValueCreated))
        {
            entry.Value.Client.Dispose();
        }
        _drivers.Clear();
    }
}
