using System.Globalization;
using Cyclades.Ec2Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

/// <param name="Name">The zone name clients use (<c>Placement.AvailabilityZone</c>).</param>
/// <param name="Id">A stable id, <c>{region}-az{n}</c>.</param>
public sealed record AvailabilityZone(string Name, string Id, string Region);

/// <summary>
/// The availability zones: one per configured Ganeti cluster (<c>Cyclades:Ganeti:Clusters:&lt;n&gt;:Name</c>,
/// the zone named after the cluster), or the single zone <c>{region}a</c> when none is configured.
/// The one place to change when zones come from the backend registry.
/// </summary>
public sealed class AvailabilityZoneCatalog(IConfiguration configuration, IOptions<Ec2ApiOptions> options)
{
    public const string ClustersSection = "Cyclades:Ganeti:Clusters";

    private readonly Lazy<IReadOnlyList<AvailabilityZone>> _zones = new(() => Load(configuration, options.Value.Region));

    public IReadOnlyList<AvailabilityZone> Zones => _zones.Value;

    private static List<AvailabilityZone> Load(IConfiguration configuration, string region)
    {
        var names = configuration.GetSection(ClustersSection).GetChildren()
            .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c["Name"])
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            names.Add(region + "a");
        }
        return names.Select((name, i) => new AvailabilityZone(name, $"{region}-az{i + 1}", region)).ToList();
    }
}
