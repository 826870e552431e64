using Cyclades.Logic.Catalog;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Backends;

/// <summary>One enabled backend and the flavors its cluster can run.</summary>
/// <param name="Answered">False when the cluster did not answer: then it offers nothing, as nothing can be launched there now.</param>
public sealed record BackendOffer(Backend Backend, IReadOnlyList<Flavor> Flavors, bool Answered);

/// <summary>
/// Which flavors each cluster can run: those whose disk template the cluster enables (Ganeti refuses
/// an instance of any other). The clusters are asked, in parallel and briefly, each time.
/// </summary>
public sealed class FlavorOfferings(CatalogService catalog, BackendRegistry backends, ClusterDriverCache drivers, ILogger<FlavorOfferings> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <returns>One offer per enabled backend, in id order; flavors in name order.</returns>
    public async Task<IReadOnlyList<BackendOffer>> ListAsync(CancellationToken cancellationToken)
    {
        var flavors = (await catalog.ListFlavorsAsync(includeDeleted: false, cancellationToken)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var enabled = (await backends.ListAsync(cancellationToken)).Where(b => b.Enabled).OrderBy(b => b.Id).ToList();
        var probes = await Task.WhenAll(enabled.Select(b => drivers.ProbeAsync(b, ProbeTimeout, cancellationToken)));
        return enabled.Zip(probes, (backend, probe) =>
        {
            if (probe.Info is not { } info)
            {
                logger.LogWarning("Backend {Backend} offers no flavors while its cluster does not answer: {Problem}", backend.Name, probe.Problem);
                return new BackendOffer(backend, [], Answered: false);
            }
            return new BackendOffer(backend, FlavorsOfferedBy(info, flavors), Answered: true);
        }).ToList();
    }

    /// <summary>The flavors a cluster can run.</summary>
    public static IReadOnlyList<Flavor> FlavorsOfferedBy(ClusterInfo cluster, IEnumerable<Flavor> flavors) =>
        flavors.Where(f => Runs(cluster, f)).ToList();

    /// <summary>Whether a cluster can run servers of a flavor: it enables the flavor's disk template.</summary>
    public static bool Runs(ClusterInfo cluster, Flavor flavor) =>
        cluster.DiskTemplates.Contains(flavor.DiskTemplate, StringComparer.Ordinal);
}
