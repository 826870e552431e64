using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;
using Filter = Amazon.EC2.Model.Filter;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>Elastic IPs (floating IPs from the public subnets' pools) through AWSSDK.EC2 and boto3.</summary>
public sealed class AddressesContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    /// <summary>The tests share one host and allocate as they go: room for all of them (the quota test sets its own limit).</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cyclades:Quotas:Default:FloatingIps"] = "100" };

    [Test]
    public async Task Both_domains_allocate_a_vpc_address_with_an_allocation_id_that_describe_finds_by_every_key()
    {
        var vpc = await Alice.AllocateAddressAsync(new AllocateAddressRequest
        {
            Domain = DomainType.Vpc,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.ElasticIp, Tags = [new Tag("Name", "eip-web")] }],
        });
        var standard = await Host.Boto3Async(TestUser.Alice, "allocate_address", new { Domain = "standard" });
        var standardId = standard.GetProperty("AllocationId").GetString()!;

        Assert.That(vpc.AllocationId, Does.Match("^eipalloc-[0-9a-f]{17}$"));
        Assert.That(standardId, Does.Match("^eipalloc-[0-9a-f]{17}$"));
        Assert.That((vpc.Domain.Value, standard.GetProperty("Domain").GetString()), Is.EqualTo(("vpc", "vpc")));
        Assert.That(vpc.PublicIp, Is.Not.EqualTo(standard.GetProperty("PublicIp").GetString()));
        Assert.That(IPAddress.TryParse(vpc.PublicIp, out _), Is.True);

        var byId = await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [vpc.AllocationId] });
        var byIp = await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { PublicIps = [vpc.PublicIp] });
        var byTag = await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter("tag:Name", ["eip-*"])] });
        var filters = new Dictionary<string, string>
        {
            ["allocation-id"] = vpc.AllocationId,
            ["public-ip"] = vpc.PublicIp,
            ["domain"] = "vpc",
        };
        foreach (var (name, value) in filters)
        {
            var found = await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter(name, [value])] });
            Assert.That(found.Addresses.Select(a => a.AllocationId), Does.Contain(vpc.AllocationId), name);
        }
        var boto3 = await Host.Boto3Async(TestUser.Alice, "describe_addresses", new { AllocationIds = new[] { standardId } });

        var address = byId.Addresses.Single();
        Assert.That((address.PublicIp, address.Domain.Value, address.AssociationId, address.InstanceId),
            Is.EqualTo((vpc.PublicIp, "vpc", (string?)null, (string?)null)));
        Assert.That(address.Tags.Single(), Is.EqualTo(new Tag("Name", "eip-web")).Using<Tag>((a, b) => a.Key == b.Key && a.Value == b.Value));
        Assert.That(byIp.Addresses.Single().AllocationId, Is.EqualTo(vpc.AllocationId));
        Assert.That(byTag.Addresses.Single().AllocationId, Is.EqualTo(vpc.AllocationId));
        Assert.That(boto3.GetProperty("Addresses")[0].GetProperty("PublicIp").GetString(), Is.EqualTo(standard.GetProperty("PublicIp").GetString()));
    }

    [Test]
    public async Task Association_filters_match_no_unassociated_address()
    {
        var allocated = await Alice.AllocateAddressAsync(new AllocateAddressRequest());

        foreach (var name in new[] { "association-id", "instance-id", "network-interface-id", "private-ip-address" })
        {
            var found = await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter(name, ["*"])] });
            Assert.That((found.Addresses ?? []).Select(a => a.AllocationId), Does.Not.Contain(allocated.AllocationId), name);
        }
        var unknown = await FailsAsync(() => Alice.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [new Filter("colour", ["red"])] }));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public async Task Release_by_allocation_id_or_by_address_frees_it_and_then_it_is_not_found()
    {
        var first = await Alice.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        var second = await Alice.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });

        await Alice.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = first.AllocationId });
        await Host.Boto3Async(TestUser.Alice, "release_address", new { PublicIp = second.PublicIp });

        var byId = await FailsAsync(() => Alice.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [first.AllocationId] }));
        var byIp = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_addresses", new { PublicIps = new[] { second.PublicIp } });
        var again = await FailsAsync(() => Alice.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = first.AllocationId }));
        var againByIp = await Host.Boto3ErrorAsync(TestUser.Alice, "release_address", new { PublicIp = second.PublicIp });

        Assert.That((byId.ErrorCode, byId.StatusCode), Is.EqualTo(("InvalidAllocationID.NotFound", HttpStatusCode.BadRequest)));
        Assert.That(byId.Message, Is.EqualTo($"The allocation ID '{first.AllocationId}' does not exist"));
        Assert.That((byIp.Code, byIp.Status), Is.EqualTo(("InvalidAddress.NotFound", 400)));
        Assert.That(again.ErrorCode, Is.EqualTo("InvalidAllocationID.NotFound"));
        Assert.That(againByIp.Code, Is.EqualTo("InvalidAddress.NotFound"));
    }

    [Test]
    public async Task Bad_ids_and_addresses_are_refused_with_AWS_codes()
    {
        var malformed = await FailsAsync(() => Alice.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = "eipalloc-xyz" }));
        var missing = await Host.Boto3ErrorAsync(TestUser.Alice, "release_address", new { });
        var notAnIp = await FailsAsync(() => Alice.DescribeAddressesAsync(new DescribeAddressesRequest { PublicIps = ["eipalloc-0123456789abcdef0"] }));
        var both = await Host.Boto3ErrorAsync(TestUser.Alice, "release_address", new { AllocationId = "eipalloc-0123456789abcdef0", PublicIp = "10.0.0.1" });
        var tagType = await FailsAsync(() => Alice.AllocateAddressAsync(new AllocateAddressRequest
        {
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("a", "b")] }],
        }));
        var border = await Host.Boto3ErrorAsync(TestUser.Alice, "allocate_address", new { NetworkBorderGroup = "elsewhere-1" });

        Assert.That((malformed.ErrorCode, malformed.Message), Is.EqualTo(("InvalidAllocationID.Malformed", "Invalid id: \"eipalloc-xyz\" (expecting \"eipalloc-...\")")));
        Assert.That((missing.Code, missing.Status), Is.EqualTo(("MissingParameter", 400)));
        Assert.That((notAnIp.ErrorCode, notAnIp.Message), Is.EqualTo(("InvalidParameterValue", "Invalid value 'eipalloc-0123456789abcdef0' for PublicIp. Not a valid IPv4 address")));
        Assert.That(both.Code, Is.EqualTo("InvalidParameterCombination"));
        Assert.That(tagType.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(border.Code, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public async Task Dry_run_checks_and_changes_nothing()
    {
        var before = (await Alice.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses?.Count ?? 0;
        var allocated = await Alice.AllocateAddressAsync(new AllocateAddressRequest());

        var allocate = await FailsAsync(() => Alice.AllocateAddressAsync(new AllocateAddressRequest { DryRun = true }));
        var release = await Host.Boto3ErrorAsync(TestUser.Alice, "release_address", new { AllocationId = allocated.AllocationId, DryRun = true });
        var describe = await FailsAsync(() => Alice.DescribeAddressesAsync(new DescribeAddressesRequest { DryRun = true }));

        Assert.That((allocate.ErrorCode, allocate.StatusCode), Is.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That((release.Code, release.Status), Is.EqualTo(("DryRunOperation", 412)));
        Assert.That(describe.ErrorCode, Is.EqualTo("DryRunOperation"));
        Assert.That((await Alice.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses, Has.Count.EqualTo(before + 1));
    }

    [Test]
    public async Task Over_the_floating_ip_quota_allocation_is_AddressLimitExceeded()
    {
        var quotas = Host.Services.GetRequiredService<QuotaService>();
        var bob = await Host.LogicUserIdAsync(TestUser.Bob);
        await quotas.SetLimitAsync(bob, QuotaResource.FloatingIp, 0, CancellationToken.None);
        try
        {
            using var client = Host.CreateClient(TestUser.Bob);
            var sdk = await FailsAsync(() => client.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }));
            var boto3 = await Host.Boto3ErrorAsync(TestUser.Bob, "allocate_address", new { Domain = "vpc" });

            Assert.That((sdk.ErrorCode, sdk.StatusCode, sdk.Message),
                Is.EqualTo(("AddressLimitExceeded", HttpStatusCode.BadRequest, "The maximum number of addresses has been reached.")));
            Assert.That((boto3.Code, boto3.Status), Is.EqualTo(("AddressLimitExceeded", 400)));
            Assert.That((await quotas.GetAsync(bob, CancellationToken.None))[QuotaResource.FloatingIp].Usage, Is.Zero);
        }
        finally
        {
            await quotas.SetLimitAsync(bob, QuotaResource.FloatingIp, null, CancellationToken.None);
        }
    }

    [Test]
    public async Task Another_users_address_is_not_found_and_not_taggable_and_tags_work_on_ones_own()
    {
        var alices = await Alice.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        using var bob = Host.CreateClient(TestUser.Bob);

        var listed = await bob.DescribeAddressesAsync(new DescribeAddressesRequest());
        var byId = await FailsAsync(() => bob.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [alices.AllocationId] }));
        var release = await FailsAsync(() => bob.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = alices.AllocationId }));
        var releaseByIp = await Host.Boto3ErrorAsync(TestUser.Bob, "release_address", new { PublicIp = alices.PublicIp });
        var tag = await FailsAsync(() => bob.CreateTagsAsync(new CreateTagsRequest { Resources = [alices.AllocationId], Tags = [new Tag("x", "y")] }));
        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [alices.AllocationId], Tags = [new Tag("owner", "alice")] });
        var tags = await Alice.DescribeTagsAsync(new DescribeTagsRequest
        {
            Filters = [new Filter("resource-id", [alices.AllocationId]), new Filter("resource-type", ["elastic-ip"])],
        });

        Assert.That((listed.Addresses ?? []).Select(a => a.AllocationId), Does.Not.Contain(alices.AllocationId));
        Assert.That(byId.ErrorCode, Is.EqualTo("InvalidAllocationID.NotFound"));
        Assert.That(release.ErrorCode, Is.EqualTo("InvalidAllocationID.NotFound"));
        Assert.That(releaseByIp.Code, Is.EqualTo("InvalidAddress.NotFound"));
        Assert.That(tag.ErrorCode, Is.EqualTo("InvalidAllocationID.NotFound"));
        Assert.That(tags.Tags.Select(t => (t.Key, t.Value, t.ResourceType.Value)), Is.EqualTo(new[] { ("owner", "alice", "elastic-ip") }));
        Assert.That((await Alice.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [alices.AllocationId] })).Addresses.Single().PublicIp,
            Is.EqualTo(alices.PublicIp));
    }

    [Test]
    public async Task Describe_addresses_attribute_lists_ones_own_addresses_without_a_ptr_record()
    {
        var allocated = await Alice.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });

        var sdk = await Alice.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            AllocationIds = [allocated.AllocationId],
            Attribute = AddressAttributeName.DomainName,
        });
        var boto3 = await Host.Boto3Async(TestUser.Alice, "describe_addresses_attribute",
            new { AllocationIds = new[] { allocated.AllocationId }, Attribute = "domain-name", MaxResults = 1 });
        var unknown = await FailsAsync(() => Alice.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            AllocationIds = ["eipalloc-0fffffffffffffff0"],
            Attribute = AddressAttributeName.DomainName,
        }));

        var item = sdk.Addresses.Single();
        Assert.That((item.AllocationId, item.PublicIp, item.PtrRecord), Is.EqualTo((allocated.AllocationId, allocated.PublicIp, (string?)null)));
        Assert.That(boto3.GetProperty("Addresses").GetArrayLength(), Is.EqualTo(1));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidAllocationID.NotFound"));
    }
}
