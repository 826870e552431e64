using System.Net;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// RunInstances places an instance only on a cluster that enables its type's disk template (Ganeti
/// would refuse it elsewhere). Two simulated clusters of the same size: zone-a enables diskless and
/// file, zone-b also plain. With equal free memory zone-a would be first, so a plain type landing in
/// zone-b shows the skip.
/// </summary>
public sealed class PlacementContractTests : ComputeFixture
{
    private const string ZoneA = "zone-a";
    private const string ZoneB = "zone-b";
    private const string PlainType = "m1.plain";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cyclades:Ganeti:Clusters:0:Name"] = ZoneA, ["Cyclades:Ganeti:Clusters:0:Simulated"] = "true",
        ["Cyclades:Ganeti:Clusters:1:Name"] = ZoneB, ["Cyclades:Ganeti:Clusters:1:Simulated"] = "true",
        ["Cyclades:Flavors:0:Name"] = ComputeHost.Type, ["Cyclades:Flavors:0:Cpu"] = "1", ["Cyclades:Flavors:0:RamMiB"] = "512",
        ["Cyclades:Flavors:0:DiskGiB"] = "1", ["Cyclades:Flavors:0:DiskTemplate"] = "file",
        ["Cyclades:Flavors:1:Name"] = PlainType, ["Cyclades:Flavors:1:Cpu"] = "1", ["Cyclades:Flavors:1:RamMiB"] = "512",
        ["Cyclades:Flavors:1:DiskGiB"] = "1", ["Cyclades:Flavors:1:DiskTemplate"] = "plain",
    };

    private SimulatedGanetiCluster Cluster(string zone) => Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate(zone);

    [SetUp]
    public void EnableTemplates()
    {
        Cluster(ZoneA).Options.DiskTemplates = ["diskless", "file"];
        Cluster(ZoneB).Options.DiskTemplates = ["diskless", "file", "plain"];
    }

    [Test]
    public async Task A_type_goes_to_the_zone_that_enables_its_disk_template_and_runs_there()
    {
        var reservation = await Alice.RunAsync(count: 2, type: PlainType);
        var ids = reservation.Instances.Select(i => i.InstanceId).ToList();

        Assert.That(reservation.Instances.Select(i => i.Placement.AvailabilityZone), Is.All.EqualTo(ZoneB));
        var running = await Alice.WaitForAsync("running", ids);
        Assert.That(running.Select(i => i.Placement.AvailabilityZone), Is.All.EqualTo(ZoneB));
        Assert.That(Cluster(ZoneA).ListInstances(), Is.Empty);
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ids });
        await Alice.WaitForAsync("terminated", ids);
    }

    [Test]
    public async Task A_zone_asked_for_that_does_not_offer_the_type_is_refused_as_unsupported()
    {
        var error = await FailsAsync(() => Alice.RunAsync(type: PlainType, configure: r => r.Placement = new Placement { AvailabilityZone = ZoneA }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("Unsupported", HttpStatusCode.BadRequest)), error.Message);
        Assert.That(error.Message, Does.Contain($"({PlainType})").And.Contain($"({ZoneA})"));
    }

    [Test]
    public async Task With_no_zone_enabling_the_disk_template_there_is_no_capacity_and_nothing_is_created()
    {
        Cluster(ZoneB).Options.DiskTemplates = ["diskless", "file"];

        var error = await FailsAsync(() => Alice.RunAsync(type: PlainType));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("InsufficientInstanceCapacity", HttpStatusCode.InternalServerError)), error.Message);
        Assert.That(error.Message, Does.Contain("disk template 'plain'"));
        Assert.That(await Alice.ListAsync(new Filter("instance-type", [PlainType]), new Filter("instance-state-name", ["pending", "running"])), Is.Empty);
    }
}
