using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// Another user's resource behaves exactly like one that does not exist, action by action: the same
/// error code, the same message (naming only the id asked for), and nothing changes for its owner.
/// </summary>
public sealed class TenantIsolationContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private const string Missing = "i-0000000000000fade";

    private AmazonEC2Client _bob = null!;
    private string _bobs = null!;
    private string _bobsKeyName = null!;
    private string _bobsKeyId = null!;

    [OneTimeSetUp]
    public async Task GiveBobResources()
    {
        _bob = Host.CreateClient(TestUser.Bob);
        _bobs = (await _bob.StoppedAsync())[0];
        await _bob.CreateTagsAsync(new CreateTagsRequest { Resources = [_bobs, "ami-00000001"], Tags = [new Tag("owner", "bob")] });
        _bobsKeyName = "bobs-key";
        _bobsKeyId = (await _bob.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = _bobsKeyName })).KeyPair.KeyPairId;
    }

    [OneTimeTearDown]
    public void DisposeBob() => _bob.Dispose();

    private static IEnumerable<TestCaseData> InstanceActions()
    {
        TestCaseData Case(string action, Func<IAmazonEC2, string, Task> call) => new TestCaseData(call).SetName($"{action} on another user's instance");
        yield return Case("DescribeInstances", (c, id) => c.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] }));
        yield return Case("StartInstances", (c, id) => c.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] }));
        yield return Case("StopInstances", (c, id) => c.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));
        yield return Case("RebootInstances", (c, id) => c.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = [id] }));
        yield return Case("TerminateInstances", (c, id) => c.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] }));
        yield return Case("ModifyInstanceAttribute", (c, id) => c.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t2.small" }));
        yield return Case("DescribeInstanceAttribute", (c, id) => c.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = "userData" }));
        yield return Case("DescribeInstanceStatus", (c, id) => c.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [id], IncludeAllInstances = true }));
        yield return Case("CreateTags", (c, id) => c.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("k", "v")] }));
        yield return Case("DeleteTags", (c, id) => c.DeleteTagsAsync(new DeleteTagsRequest { Resources = [id] }));
        yield return Case("TerminateInstances with DryRun", (c, id) => c.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id], DryRun = true }));
    }

    [TestCaseSource(nameof(InstanceActions))]
    public async Task Another_users_instance_is_not_found_like_one_that_never_was(Func<IAmazonEC2, string, Task> call)
    {
        var foreign = (AmazonEC2Exception)(await Assert.ThrowsAsync<AmazonEC2Exception>(() => call(Alice, _bobs)))!;
        var missing = (AmazonEC2Exception)(await Assert.ThrowsAsync<AmazonEC2Exception>(() => call(Alice, Missing)))!;

        Assert.That((foreign.ErrorCode, foreign.StatusCode), Is.EqualTo((missing.ErrorCode, missing.StatusCode)));
        Assert.That(foreign.ErrorCode, Is.EqualTo("InvalidInstanceID.NotFound"));
        Assert.That(foreign.Message, Is.EqualTo(missing.Message.Replace(Missing, _bobs, StringComparison.Ordinal)));
        var owners = await _bob.DescribeOneAsync(_bobs);
        Assert.That((owners.State.Name.Value, owners.InstanceType.Value, owners.StateReason), Is.EqualTo(("stopped", "t2.micro", (StateReason?)null)));
        Assert.That(owners.Tags.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("owner", "bob") }));
    }

    [Test]
    public async Task Listings_show_only_the_callers_own()
    {
        var instances = await Alice.ListAsync(new Filter("instance-state-name", ["stopped"]));
        var statuses = await Alice.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { IncludeAllInstances = true });
        var tags = await Alice.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [_bobs, "ami-00000001", _bobsKeyId])] });
        var keys = await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest());
        var image = (await Alice.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-00000001"] })).Images.Single();
        var byOwner = await Alice.ListAsync(new Filter("owner-id", [(await _bob.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations[0].OwnerId]));

        Assert.That(instances, Is.Empty);
        Assert.That(statuses.InstanceStatuses ?? [], Is.Empty);
        Assert.That(tags.Tags ?? [], Is.Empty);
        Assert.That((keys.KeyPairs ?? []).Select(k => k.KeyPairId), Does.Not.Contain(_bobsKeyId));
        Assert.That(image.Tags ?? [], Is.Empty, "tags on shared images are private to who set them");
        Assert.That(byOwner, Is.Empty);
    }

    [Test]
    public async Task Another_users_key_pair_is_unknown()
    {
        var byName = await FailsAsync(() => Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [_bobsKeyName] }));
        var byId = await FailsAsync(() => Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyPairIds = [_bobsKeyId] }));
        var launch = await FailsAsync(() => Alice.RunAsync(configure: r => r.KeyName = _bobsKeyName));
        var tag = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [_bobsKeyId], Tags = [new Tag("k", "v")] }));
        var missingTag = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = ["key-0000000000000fade"], Tags = [new Tag("k", "v")] }));
        await Alice.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = _bobsKeyName });
        await Alice.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyPairId = _bobsKeyId });
        var sameName = await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = _bobsKeyName });

        Assert.That((byName.ErrorCode, byName.Message), Is.EqualTo(("InvalidKeyPair.NotFound", $"The key pair '{_bobsKeyName}' does not exist")));
        Assert.That((byId.ErrorCode, launch.ErrorCode), Is.EqualTo(("InvalidKeyPair.NotFound", "InvalidKeyPair.NotFound")));
        Assert.That((tag.ErrorCode, tag.Message), Is.EqualTo((missingTag.ErrorCode, missingTag.Message.Replace("key-0000000000000fade", _bobsKeyId, StringComparison.Ordinal))));
        Assert.That((await _bob.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [_bobsKeyName] })).KeyPairs.Single().KeyPairId, Is.EqualTo(_bobsKeyId),
            "deleting another user's key pair does nothing to it");
        Assert.That(sameName.KeyPair.KeyPairId, Is.Not.EqualTo(_bobsKeyId), "names are per user");
    }

    [Test]
    public async Task Another_users_token_is_invalid()
    {
        await _bob.RunAsync(6);
        var token = (await _bob.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 })).NextToken;

        var error = await FailsAsync(() => Alice.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = token }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidPaginationToken"));
    }
}
