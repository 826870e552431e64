using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Ec2Api.Actions;

[Category("Unit")]
public sealed class AvailabilityZoneCatalogTests
{
    private static IReadOnlyList<AvailabilityZone> Zones(Dictionary<string, string?> settings) =>
        new AvailabilityZoneCatalog(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            Options.Create(new Ec2ApiOptions { Region = "athens-1" })).Zones;

    [Test]
    public void Without_clusters_there_is_one_zone_named_after_the_region() =>
        Assert.That(Zones([]), Is.EqualTo(new[] { new AvailabilityZone("athens-1a", "athens-1-az1", "athens-1") }));

    [Test]
    public void Each_configured_cluster_is_a_zone_in_configuration_order() =>
        Assert.That(Zones(new()
        {
            ["Cyclades:Ganeti:Clusters:10:Name"] = "gnt-c",
            ["Cyclades:Ganeti:Clusters:2:Name"] = "gnt-b",
            ["Cyclades:Ganeti:Clusters:0:Name"] = "gnt-a",
        }).Select(z => (z.Name, z.Id)), Is.EqualTo(new[] { ("gnt-a", "athens-1-az1"), ("gnt-b", "athens-1-az2"), ("gnt-c", "athens-1-az3") }));
}
