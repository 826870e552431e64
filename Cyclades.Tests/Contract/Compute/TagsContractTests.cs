using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>CreateTags, DeleteTags and DescribeTags through AWSSDK.EC2 on instances, images and key pairs.</summary>
public sealed class TagsContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private async Task<List<TagDescription>> DescribeAsync(params Filter[] filters)
    {
        var all = new List<TagDescription>();
        await foreach (var tag in Alice.Paginators.DescribeTags(new DescribeTagsRequest { Filters = filters.ToList(), MaxResults = 5 }).Tags)
        {
            all.Add(tag);
        }
        return all;
    }

    [Test]
    public async Task Tags_on_instances_images_and_key_pairs_are_set_listed_and_removed()
    {
        var instance = (await Alice.RunAsync()).Instances[0].InstanceId;
        var keyPair = (await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "tagged" })).KeyPair.KeyPairId;
        string[] resources = [instance, "ami-00000001", keyPair];

        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = resources.ToList(), Tags = [new Tag("owner", "alice"), new Tag("empty", "")] });
        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [instance], Tags = [new Tag("owner", "carol")] });
        var all = await DescribeAsync(new Filter("resource-id", resources.ToList()));
        var instances = await DescribeAsync(new Filter("resource-type", ["instance"]), new Filter("key", ["own*"]));
        var onInstance = (await Alice.DescribeOneAsync(instance)).Tags;
        var onImage = (await Alice.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-00000001"] })).Images[0].Tags;
        var onKey = (await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = ["tagged"] })).KeyPairs[0].Tags;

        Assert.That(all.Select(t => (t.ResourceId, t.ResourceType.Value, t.Key, t.Value)), Is.EquivalentTo(new[]
        {
            (instance, "instance", "owner", "carol"), (instance, "instance", "empty", ""),
            ("ami-00000001", "image", "owner", "alice"), ("ami-00000001", "image", "empty", ""),
            (keyPair, "key-pair", "owner", "alice"), (keyPair, "key-pair", "empty", ""),
        }));
        Assert.That(instances.Select(t => (t.ResourceId, t.Value)), Is.EqualTo(new[] { (instance, "carol") }));
        Assert.That(onInstance.Select(t => t.Key), Is.EquivalentTo(new[] { "owner", "empty" }));
        Assert.That(onImage.Select(t => t.Key), Is.EquivalentTo(new[] { "owner", "empty" }));
        Assert.That(onKey.Select(t => t.Key), Is.EquivalentTo(new[] { "owner", "empty" }));

        await Alice.DeleteTagsAsync(new DeleteTagsRequest { Resources = [instance], Tags = [new Tag { Key = "owner", Value = "alice" }, new Tag { Key = "empty" }] });
        var afterValueMismatch = await DescribeAsync(new Filter("resource-id", [instance]));
        await Alice.DeleteTagsAsync(new DeleteTagsRequest { Resources = [instance], Tags = [new Tag { Key = "owner", Value = "carol" }] });
        await Alice.DeleteTagsAsync(new DeleteTagsRequest { Resources = ["ami-00000001", keyPair] });

        Assert.That(afterValueMismatch.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("owner", "carol") }),
            "a tag given with a value goes only if it has that value; without a value it goes whatever it has");
        Assert.That(await DescribeAsync(new Filter("resource-id", resources.ToList())), Is.Empty);
    }

    [Test]
    public async Task Tags_are_paged_and_filtered_by_value_with_wildcards()
    {
        var ids = (await Alice.RunAsync(6)).Instances.Select(i => i.InstanceId).ToList();
        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = ids, Tags = [new Tag("paged", "yes"), new Tag("colour", "red")] });

        var paged = await DescribeAsync(new Filter("key", ["paged", "colour"]));
        var red = await DescribeAsync(new Filter("value", ["r?d"]), new Filter("resource-id", ["i-*"]));

        Assert.That(paged, Has.Count.EqualTo(12));
        Assert.That(paged.Select(t => (t.ResourceId, t.Key)).Distinct().Count(), Is.EqualTo(12));
        Assert.That(red.Select(t => t.ResourceId), Is.EquivalentTo(ids));
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        TestCaseData Case(string name, string code, string resource, params Tag[] tags) =>
            new TestCaseData(resource, tags, code).SetName($"CreateTags: {name} is {code}");
        yield return Case("a reserved key", "InvalidParameterValue", "ami-00000001", new Tag("aws:cloudformation", "x"));
        yield return Case("a key of 129 characters", "InvalidParameterValue", "ami-00000001", new Tag(new string('k', 129), "x"));
        yield return Case("a value of 257 characters", "InvalidParameterValue", "ami-00000001", new Tag("k", new string('v', 257)));
        yield return Case("an unknown instance", "InvalidInstanceID.NotFound", "i-0000000000000beef", new Tag("k", "v"));
        yield return Case("a malformed instance id", "InvalidInstanceID.Malformed", "i-beef", new Tag("k", "v"));
        yield return Case("an unknown image", "InvalidAMIID.NotFound", "ami-0000beef", new Tag("k", "v"));
        yield return Case("an unknown key pair", "InvalidKeyPair.NotFound", "key-0000000000000beef", new Tag("k", "v"));
        yield return Case("a resource of no taggable kind", "InvalidID", "nat-12345678", new Tag("k", "v"));
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Refusals_have_awss_codes(string resource, Tag[] tags, string code)
    {
        var error = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [resource], Tags = tags.ToList() }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
    }

    [Test]
    public async Task A_character_xml_cannot_carry_is_refused_and_never_poisons_describe()
    {
        var instance = (await Alice.RunAsync()).Instances[0].InstanceId;

        var value = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [instance], Tags = [new Tag("k", "bad\u0001value")] }));
        var key = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [instance], Tags = [new Tag("bad\uFFFF", "v")] }));
        var described = await Alice.DescribeInstancesAsync(new DescribeInstancesRequest());

        Assert.That((value.ErrorCode, value.StatusCode), Is.EqualTo(("InvalidParameterValue", HttpStatusCode.BadRequest)), value.Message);
        Assert.That(value.Message, Does.Contain("U+0001"));
        Assert.That((key.ErrorCode, key.StatusCode), Is.EqualTo(("InvalidParameterValue", HttpStatusCode.BadRequest)), key.Message);
        var shown = described.Reservations.SelectMany(r => r.Instances).Single(i => i.InstanceId == instance);
        Assert.That(shown.Tags ?? [], Is.Empty, "nothing of the refused requests was stored");
    }

    [Test]
    public async Task A_resource_carries_at_most_50_tags()
    {
        var instance = (await Alice.RunAsync()).Instances[0].InstanceId;
        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [instance], Tags = Enumerable.Range(0, 50).Select(i => new Tag($"k{i}", "v")).ToList() });

        var overwrite = await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [instance], Tags = [new Tag("k0", "new")] });
        var error = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [instance], Tags = [new Tag("k50", "v")] }));

        Assert.That(overwrite.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK), "changing a value is not one more tag");
        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("TagLimitExceeded", HttpStatusCode.BadRequest)));
        Assert.That((await Alice.DescribeOneAsync(instance)).Tags, Has.Count.EqualTo(50));
    }

    [Test]
    public async Task Describe_tags_refuses_unknown_filters_and_small_pages()
    {
        var filter = await FailsAsync(() => Alice.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("colour", ["red"])] }));
        int[] small = [4];
        var page = await FailsAsync(() => Alice.DescribeTagsAsync(new DescribeTagsRequest { MaxResults = small[0] }));
        var dry = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = ["ami-00000001"], Tags = [new Tag("k", "v")], DryRun = true }));

        Assert.That((filter.ErrorCode, page.ErrorCode), Is.EqualTo(("InvalidParameterValue", "InvalidParameterValue")));
        Assert.That((dry.ErrorCode, dry.StatusCode), Is.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
    }
}
