using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Backends;

/// <summary>
/// Where new servers go: the backend the caller names, or else the enabled, non-drained backend with
/// room for them that has the most free memory.
/// </summary>
public sealed class BackendAllocator(BackendRegistry registry, ClusterDriverCache drivers, ILogger<BackendAllocator> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public async Task<Backend> ChooseAsync(string? requestedName, Flavor flavor, int count, CancellationToken cancellationToken)
    {
        if (requestedName is not null)
        {
            var named = await registry.FindAsync(requestedName, cancellationToken) ?? throw new BackendNotFoundException(requestedName);
            return named switch
            {
                { Enabled: false } => throw new NoBackendAvailableException($"backend '{named.Name}' is disabled."),
                { Drained: true } => throw new NoBackendAvailableException($"backend '{named.Name}' is drained."),
                _ => named,
            };
        }

        var candidates = (await registry.ListAsync(cancellationToken)).Where(b => b.Enabled && !b.Drained).ToList();
        if (candidates.Count == 0)
        {
            throw new NoBackendAvailableException("no backend is enabled and undrained.");
        }
        var needMiB = (long)flavor.RamMiB * count;
        var probes = await Task.WhenAll(candidates.Select(b => FreeMemoryAsync(b, cancellationToken)));
        var best = candidates.Zip(probes)
            .Where(p => p.Second >= needMiB)
            .OrderByDescending(p => p.Second)
            .ThenBy(p => p.First.Id)
            .Select(p => p.First)
            .FirstOrDefault();
        return best ?? throw new NoBackendAvailableException(
            probes.All(p => p is null)
                ? "no backend could be reached."
                : $"no backend has {needMiB} MiB of free memory for {count} × {flavor.Name}.");
    }

    private async Task<long?> FreeMemoryAsync(Backend backend, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ProbeTimeout);
            var driver = await drivers.GetAsync(backend.Id, timeout.Token);
            return (await driver.GetInfoAsync(timeout.Token)).FreeMemoryMiB;
        }
        catch (Exception e) when (e is ClusterException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "Backend {Backend} is not available for placement", backend.Name);
            return null;
        }
    }
}
