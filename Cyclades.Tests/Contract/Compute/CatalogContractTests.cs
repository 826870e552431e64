using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>DescribeInstanceTypes (the flavors) and DescribeImages (the catalog's images) through AWSSDK.EC2.</summary>
public sealed class CatalogContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task Instance_types_are_the_flavors_with_vcpus_memory_and_disk()
    {
        var all = await Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest());
        var named = await Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t2.medium"] });
        var twoCpus = await Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { Filters = [new Filter("vcpu-info.default-vcpus", ["2"])] });
        var paged = await Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { MaxResults = 5 });

        Assert.That(all.InstanceTypes.Select(t => t.InstanceType.Value), Is.EqualTo(new[] { "t2.medium", "t2.micro", "t2.nano", "t2.small" }));
        var medium = named.InstanceTypes.Single();
        Assert.That((medium.VCpuInfo.DefaultVCpus, medium.MemoryInfo.SizeInMiB, medium.InstanceStorageInfo.TotalSizeInGB), Is.EqualTo((2, 4096L, 1L)));
        Assert.That(medium.ProcessorInfo.SupportedArchitectures, Is.EqualTo(new[] { "x86_64" }));
        Assert.That(twoCpus.InstanceTypes.Select(t => t.InstanceType.Value), Is.EqualTo(new[] { "t2.medium" }));
        Assert.That(paged.NextToken, Is.Null);
    }

    [Test]
    public async Task Instance_type_errors()
    {
        var unknown = await FailsAsync(() => Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t2.micro", "p9.huge"] }));
        // Sizes the SDK's analyzer would refuse as constants: other clients send them.
        int[] sizes = [101, 4];
        var tooMany = await FailsAsync(() => Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { MaxResults = sizes[0] }));
        var tooFew = await FailsAsync(() => Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { MaxResults = sizes[1] }));
        var filter = await FailsAsync(() => Alice.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { Filters = [new Filter("colour", ["red"])] }));

        Assert.That((unknown.ErrorCode, unknown.Message), Is.EqualTo(("InvalidInstanceType", "The following supplied instance types do not exist: [p9.huge]")));
        Assert.That(new[] { tooMany.ErrorCode, tooFew.ErrorCode, filter.ErrorCode }, Is.All.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public async Task Images_are_the_clouds_public_images()
    {
        var all = await Alice.DescribeImagesAsync(new DescribeImagesRequest());
        var amazon = await Alice.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] });
        var self = await Alice.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] });
        var byName = await Alice.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("name", ["noop-?low", "*-fail"])] });
        var byId = await Alice.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-00000002"] });

        Assert.That(all.Images.Select(i => i.ImageId), Is.EqualTo(new[] { "ami-00000001", "ami-00000002", "ami-00000003" }));
        Assert.That(amazon.Images, Has.Count.EqualTo(3));
        Assert.That(self.Images ?? [], Is.Empty);
        Assert.That(byName.Images.Select(i => i.Name), Is.EqualTo(new[] { "noop-slow", "noop-fail" }));
        var image = byId.Images.Single();
        Assert.That((image.State.Value, image.Public, image.ImageOwnerAlias, image.Architecture.Value, image.RootDeviceType.Value),
            Is.EqualTo(("available", true, "amazon", "x86_64", "ebs")));
        Assert.That(DateTime.Parse(image.CreationDate, System.Globalization.CultureInfo.InvariantCulture), Is.Not.EqualTo(default(DateTime)));
    }

    [Test]
    public async Task Image_errors_and_paging()
    {
        var unknown = await FailsAsync(() => Alice.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0000dead"] }));
        var malformed = await FailsAsync(() => Alice.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["img-1"] }));
        var combination = await FailsAsync(() => Alice.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-00000001"], MaxResults = 5 }));
        var images = new List<string>();
        await foreach (var image in Alice.Paginators.DescribeImages(new DescribeImagesRequest { MaxResults = 5 }).Images)
        {
            images.Add(image.ImageId);
        }

        Assert.That((unknown.ErrorCode, unknown.Message), Is.EqualTo(("InvalidAMIID.NotFound", "The image id '[ami-0000dead]' does not exist")));
        Assert.That(malformed.ErrorCode, Is.EqualTo("InvalidAMIID.Malformed"));
        Assert.That(combination.ErrorCode, Is.EqualTo("InvalidParameterCombination"));
        Assert.That(images, Has.Count.EqualTo(3));
    }
}

/// <summary>Catalogs larger than a page: the paginators follow signed tokens to the end.</summary>
public sealed class LargeCatalogContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => Enumerable.Range(0, 7)
        .SelectMany(i => new Dictionary<string, string?>
        {
            [$"Cyclades:Flavors:{i}:Name"] = $"c{i}.large",
            [$"Cyclades:Flavors:{i}:Cpu"] = $"{i + 1}",
            [$"Cyclades:Flavors:{i}:RamMiB"] = "1024",
            [$"Cyclades:Flavors:{i}:DiskGiB"] = "1",
            [$"Cyclades:Flavors:{i}:DiskTemplate"] = "file",
            [$"Cyclades:Images:{i}:Id"] = $"ami-0000010{i}",
            [$"Cyclades:Images:{i}:Name"] = $"image-{i}",
            [$"Cyclades:Images:{i}:Os"] = "noop+default",
        })
        .ToDictionary();

    [Test]
    public async Task Instance_types_and_images_come_page_by_page()
    {
        var types = new List<string>();
        var images = new List<string>();

        await foreach (var type in Alice.Paginators.DescribeInstanceTypes(new DescribeInstanceTypesRequest { MaxResults = 5 }).InstanceTypes)
        {
            types.Add(type.InstanceType);
        }
        await foreach (var image in Alice.Paginators.DescribeImages(new DescribeImagesRequest { MaxResults = 5 }).Images)
        {
            images.Add(image.ImageId);
        }
        var first = await Alice.DescribeImagesAsync(new DescribeImagesRequest { MaxResults = 5 });

        Assert.That(types, Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"c{i}.large")));
        Assert.That(images, Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"ami-0000010{i}")));
        Assert.That(first.Images, Has.Count.EqualTo(5));
        Assert.That(first.NextToken, Is.Not.Null);
    }
}
