using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.Backends;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

/// <param name="Name">The zone name clients use (<c>Placement.AvailabilityZone</c>): the backend's name.</param>
/// <param name="Id">A stable id, <c>{region}-az{backend id}</c>.</param>
public sealed record AvailabilityZone(string Name, string Id, string Region);

/// <summary>The availability zones: one per enabled backend (Ganeti cluster), named after it.</summary>
public sealed class AvailabilityZoneCatalog(BackendRegistry backends, IOptions<Ec2ApiOptions> options)
{
    public async Task<IReadOnlyList<AvailabilityZone>> ListAsync(CancellationToken cancellationToken)
    {
        var region = options.Value.Region;
        return (await backends.ListAsync(cancellationToken))
            .Where(b => b.Enabled)
            .OrderBy(b => b.Id)
            .Select(b => new AvailabilityZone(b.Name, IdOf(region, b.Id), region))
            .ToList();
    }

    public static string IdOf(string region, long backendId) => $"{region}-az{backendId}";
}
