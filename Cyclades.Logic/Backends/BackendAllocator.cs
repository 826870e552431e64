using System.Collections.Concurrent;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Backends;

/// <summary>
/// Where new servers go: the backend the caller names, or else the enabled, non-drained backend whose
/// cluster enables the flavor's disk template and has room for them, the one with the most free memory.
/// </summary>
public sealed class BackendAllocator(BackendRegistry registry, ClusterDriverCache drivers, ILogger<BackendAllocator> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, Lazy<Task<ClusterProbeResult>>> _probes = new();

    public async Task<Backend> ChooseAsync(string? requestedName, Flavor flavor, int count, CancellationToken cancellationToken)
    {
        if (requestedName is not null)
        {
            return await ChooseNamedAsync(requestedName, flavor, cancellationToken);
        }

        var candidates = (await registry.ListAsync(cancellationToken)).Where(b => b.Enabled && !b.Drained).ToList();
        if (candidates.Count == 0)
        {
            throw new NoBackendAvailableException("no backend is enabled and undrained.");
        }
        var needMiB = (long)flavor.RamMiB * count;
        var probes = await Task.WhenAll(candidates.Select(b => ProbeAsync(b, cancellationToken)));
        var answered = candidates.Zip(probes).Where(p => p.Second is not null).Select(p => (Backend: p.First, Info: p.Second!)).ToList();
        var runningFlavor = answered.Where(p => FlavorOfferings.Runs(p.Info, flavor)).ToList();
        var best = runningFlavor
            .Where(p => p.Info.FreeMemoryMiB >= needMiB)
            .OrderByDescending(p => p.Info.FreeMemoryMiB)
            .ThenBy(p => p.Backend.Id)
            .Select(p => p.Backend)
            .FirstOrDefault();
        return best ?? throw new NoBackendAvailableException(
            answered.Count == 0 ? "no backend could be reached."
            : runningFlavor.Count == 0 ? $"no backend enables the disk template '{flavor.DiskTemplate}' of {flavor.Name}."
            : $"no backend has {needMiB} MiB of free memory for {count} × {flavor.Name}.");
    }

    private async Task<Backend> ChooseNamedAsync(string name, Flavor flavor, CancellationToken cancellationToken)
    {
        var named = await registry.FindAsync(name, cancellationToken) ?? throw new BackendNotFoundException(name);
        if (!named.Enabled || named.Drained)
        {
            throw new NoBackendAvailableException($"backend '{named.Name}' is {(named.Enabled ? "drained" : "disabled")}.");
        }
        // A cluster that does not answer now is still the one asked for: submitting the create then fails with its own clear error.
        if (await ProbeAsync(named, cancellationToken) is { } info && !FlavorOfferings.Runs(info, flavor))
        {
            throw new FlavorNotOfferedException(flavor.Name, named.Name);
        }
        return named;
    }

    /// <summary>
    /// The cluster's info; launches arriving together share one question in flight (each is a RAPI
    /// connection, which a burst of launches would otherwise open by the dozen at once).
    /// </summary>
    private async Task<ClusterInfo?> ProbeAsync(Backend backend, CancellationToken cancellationToken)
    {
        var shared = _probes.GetOrAdd(backend.Id, _ => new Lazy<Task<ClusterProbeResult>>(
            () => drivers.ProbeAsync(backend, ProbeTimeout, CancellationToken.None)));
        ClusterProbeResult probe;
        try
        {
            probe = await shared.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _probes.TryRemove(KeyValuePair.Create(backend.Id, shared));
        }
        if (probe.Info is null)
        {
            logger.LogWarning("Backend {Backend} is not available for placement: {Problem}", backend.Name, probe.Problem);
        }
        return probe.Info;
    }
}
