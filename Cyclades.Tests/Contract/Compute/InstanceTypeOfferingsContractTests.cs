using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// DescribeInstanceTypeOfferings on two simulated clusters: zone-a enables the disk templates
/// diskless, file and plain, zone-b only diskless and file; no cluster enables drbd. A type is offered
/// where its disk template is enabled. And the DescribeInstanceTypes fields SDKs and Terraform read.
/// </summary>
public sealed class InstanceTypeOfferingsContractTests : ComputeFixture
{
    private const string ZoneA = "zone-a";
    private const string ZoneB = "zone-b";

    private static readonly (string Name, string Template)[] Types =
        [("t2.nano", "file"), ("t2.micro", "file"), ("t2.small", "file"), ("t2.medium", "file"), ("m1.plain", "plain"), ("x1.drbd", "drbd")];

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Cyclades:Ganeti:Clusters:0:Name"] = ZoneA, ["Cyclades:Ganeti:Clusters:0:Simulated"] = "true",
                ["Cyclades:Ganeti:Clusters:1:Name"] = ZoneB, ["Cyclades:Ganeti:Clusters:1:Simulated"] = "true",
            };
            for (var i = 0; i < Types.Length; i++)
            {
                settings[$"Cyclades:Flavors:{i}:Name"] = Types[i].Name;
                settings[$"Cyclades:Flavors:{i}:Cpu"] = "1";
                settings[$"Cyclades:Flavors:{i}:RamMiB"] = $"{512 * (i + 1)}";
                settings[$"Cyclades:Flavors:{i}:DiskGiB"] = "1";
                settings[$"Cyclades:Flavors:{i}:DiskTemplate"] = Types[i].Template;
            }
            return settings;
        }
    }

    private SimulatedGanetiCluster Cluster(string zone) => Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate(zone);

    [OneTimeSetUp]
    public void LimitZoneB() => Cluster(ZoneB).Options.DiskTemplates = ["diskless", "file"];

    private async Task<List<(string Location, string Type)>> OfferingsAsync(DescribeInstanceTypeOfferingsRequest request)
    {
        var all = new List<(string, string)>();
        await foreach (var offering in Alice.Paginators.DescribeInstanceTypeOfferings(request).InstanceTypeOfferings)
        {
            Assert.That(offering.LocationType.Value, Is.EqualTo(request.LocationType?.Value ?? "region"));
            all.Add((offering.Location, offering.InstanceType.Value));
        }
        return all;
    }

    [Test]
    public async Task Each_zone_offers_the_types_whose_disk_template_its_cluster_enables()
    {
        var zones = await OfferingsAsync(new DescribeInstanceTypeOfferingsRequest { LocationType = LocationType.AvailabilityZone, MaxResults = 5 });
        var region = await OfferingsAsync(new DescribeInstanceTypeOfferingsRequest());
        var zoneIds = (await Alice.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones.ToDictionary(z => z.ZoneName, z => z.ZoneId);
        var byId = await OfferingsAsync(new DescribeInstanceTypeOfferingsRequest { LocationType = LocationType.AvailabilityZoneId });

        string[] file = ["t2.medium", "t2.micro", "t2.nano", "t2.small"];
        Assert.That(zones, Is.EqualTo(file.Append("m1.plain").Order(StringComparer.Ordinal).Select(t => (ZoneA, t))
            .Concat(file.Select(t => (ZoneB, t)))));
        Assert.That(region, Is.EqualTo(new[] { "m1.plain" }.Concat(file).Select(t => ("cyclades-1", t))));
        Assert.That(byId.Where(o => o.Type == "m1.plain").Select(o => o.Location), Is.EqualTo(new[] { zoneIds[ZoneA] }));
        Assert.That(byId.Count(o => o.Location == zoneIds[ZoneB]), Is.EqualTo(4));
    }

    [Test]
    public async Task Filters_on_instance_type_and_location_narrow_the_offerings()
    {
        var wherePlain = await OfferingsAsync(new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone,
            Filters = [new Filter("instance-type", ["m1.plain", "x1.drbd"])],
        });
        var inZoneB = await OfferingsAsync(new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone,
            Filters = [new Filter("location", [ZoneB]), new Filter("instance-type", ["t2.*"])],
        });

        Assert.That(wherePlain, Is.EqualTo(new[] { (ZoneA, "m1.plain") }));
        Assert.That(inZoneB.Select(o => o.Type), Is.EqualTo(new[] { "t2.medium", "t2.micro", "t2.nano", "t2.small" }));
    }

    [Test]
    public async Task A_zone_whose_cluster_does_not_answer_offers_nothing()
    {
        Cluster(ZoneB).Stop();
        try
        {
            var zones = await OfferingsAsync(new DescribeInstanceTypeOfferingsRequest { LocationType = LocationType.AvailabilityZone });

            Assert.That(zones.Select(o => o.Location).Distinct(), Is.EqualTo(new[] { ZoneA }));
        }
        finally
        {
            Cluster(ZoneB).Start();
        }
    }

    [TestCase("LocationType", "outer-space", "InvalidParameterValue")]
    [TestCase("Filter", "colour", "InvalidParameterValue")]
    [TestCase("MaxResults", "2", "InvalidParameterValue")]
    public async Task Bad_requests_are_refused(string parameter, string value, string code)
    {
        var request = parameter switch
        {
            "LocationType" => new DescribeInstanceTypeOfferingsRequest { LocationType = value },
            "Filter" => new DescribeInstanceTypeOfferingsRequest { Filters = [new Filter(value, ["x"])] },
            _ => new DescribeInstanceTypeOfferingsRequest { MaxResults = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };

        var error = await FailsAsync(() => Alice.DescribeInstanceTypeOfferingsAsync(request));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
    }

    [Test]
    public async Task Instance_types_carry_the_fields_sdks_and_terraform_read()
    {
        var type = (await Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t2.micro"] })).InstanceTypes.Single();
        var noIpv6 = await Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest
        {
            Filters = [new Filter("network-info.ipv6-supported", ["false"]), new Filter("ebs-info.ebs-optimized-support", ["unsupported"])],
        });
        var burstable = await Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { Filters = [new Filter("burstable-performance-supported", ["true"])] });

        Assert.That((type.BurstablePerformanceSupported, type.CurrentGeneration, type.Hypervisor.Value), Is.EqualTo((false, true, "xen")));
        Assert.That(type.SupportedUsageClasses, Is.EqualTo(new[] { "on-demand" }));
        Assert.That(type.SupportedRootDeviceTypes, Is.EqualTo(new[] { "ebs" }));
        Assert.That(type.ProcessorInfo.SupportedArchitectures, Is.EqualTo(new[] { "x86_64" }));
        Assert.That((type.VCpuInfo.DefaultVCpus, type.MemoryInfo.SizeInMiB), Is.EqualTo((1, 1024L)));
        Assert.That((type.EbsInfo.EbsOptimizedSupport.Value, type.EbsInfo.EncryptionSupport.Value), Is.EqualTo(("unsupported", "unsupported")));
        Assert.That((type.NetworkInfo.MaximumNetworkInterfaces, type.NetworkInfo.Ipv4AddressesPerInterface, type.NetworkInfo.Ipv6Supported, type.NetworkInfo.EnaSupport.Value),
            Is.EqualTo((1, 1, false, "unsupported")));
        Assert.That(type.InstanceStorageSupported, Is.True);
        Assert.That(noIpv6.InstanceTypes.Select(t => t.InstanceType.Value).ToList(), Has.Member("t2.micro").And.Count.EqualTo(Types.Length));
        Assert.That(burstable.InstanceTypes ?? [], Is.Empty);
    }

    [Test]
    public async Task Boto3_reads_offerings_and_types_and_gets_invalid_instance_type_for_an_unknown_name()
    {
        var offerings = await Host.Boto3Async(TestUser.Alice, "describe_instance_type_offerings", new
        {
            LocationType = "availability-zone",
            Filters = new[] { new { Name = "instance-type", Values = new[] { "m1.plain" } } },
        });
        var types = await Host.Boto3Async(TestUser.Alice, "describe_instance_types", new { InstanceTypes = new[] { "m1.plain" } });
        var unknown = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_instance_types", new { InstanceTypes = new[] { "p9.huge" } });

        var offering = offerings.GetProperty("InstanceTypeOfferings").EnumerateArray().Single();
        Assert.That((offering.GetProperty("InstanceType").GetString(), offering.GetProperty("Location").GetString(), offering.GetProperty("LocationType").GetString()),
            Is.EqualTo(("m1.plain", ZoneA, "availability-zone")));
        var type = types.GetProperty("InstanceTypes").EnumerateArray().Single();
        Assert.That(type.GetProperty("BurstablePerformanceSupported").GetBoolean(), Is.False);
        Assert.That(type.GetProperty("NetworkInfo").GetProperty("MaximumNetworkInterfaces").GetInt32(), Is.EqualTo(1));
        Assert.That(type.GetProperty("EbsInfo").GetProperty("EbsOptimizedSupport").GetString(), Is.EqualTo("unsupported"));
        Assert.That((unknown.Code, unknown.Status), Is.EqualTo(("InvalidInstanceType", 400)), unknown.Message);
    }
}
