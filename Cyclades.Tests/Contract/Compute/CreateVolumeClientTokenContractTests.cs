using System.Net;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// CreateVolume's ClientToken through AWSSDK.EC2 and boto3: a retry gets the volume the first request made and takes
/// no more quota, even when requests race; other parameters are a mismatch; another user's token is his own; a dry
/// run takes nothing.
/// </summary>
public sealed class CreateVolumeClientTokenContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private string _zone = null!;

    [OneTimeSetUp]
    public async Task FindTheZone() => _zone = (await Alice.DescribeAvailabilityZonesAsync()).AvailabilityZones[0].ZoneName;

    /// <summary>A request tagged <c>token=&lt;token&gt;</c>, so that the volumes it made can be counted.</summary>
    private CreateVolumeRequest Request(string token, int size = 1, string? name = null, Action<CreateVolumeRequest>? configure = null)
    {
        var request = new CreateVolumeRequest
        {
            AvailabilityZone = _zone,
            Size = size,
            ClientToken = token,
            TagSpecifications = [new TagSpecification { ResourceType = "volume", Tags = [new Tag("token", token), .. name is null ? [] : new[] { new Tag("Name", name) }] }],
        };
        configure?.Invoke(request);
        return request;
    }

    private async Task<IReadOnlyList<string>> MadeWithAsync(string token, Amazon.EC2.IAmazonEC2? client = null) =>
        ((await (client ?? Alice).DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("tag:token", [token])] })).Volumes ?? [])
            .Select(v => v.VolumeId).ToList();

    private async Task<long> DiskUsageAsync(TestUser user) =>
        (await Host.Services.GetRequiredService<QuotaService>().GetAsync(await Host.LogicUserIdAsync(user), CancellationToken.None))[QuotaResource.Disk].Usage;

    [Test]
    public async Task A_retry_with_the_same_token_gets_the_same_volume_and_takes_the_quota_once()
    {
        var token = "vol-retry-" + Guid.NewGuid();
        var before = await DiskUsageAsync(TestUser.Alice);

        var first = (await Alice.CreateVolumeAsync(Request(token, size: 2))).Volume;
        var again = (await Alice.CreateVolumeAsync(Request(token, size: 2))).Volume;

        Assert.That(again.VolumeId, Is.EqualTo(first.VolumeId));
        Assert.That((again.Size, again.AvailabilityZone, again.VolumeType.Value, again.CreateTime),
            Is.EqualTo((first.Size, first.AvailabilityZone, first.VolumeType.Value, first.CreateTime)));
        Assert.That((first.State.Value, again.State.Value), Is.EqualTo(("creating", "available")), "a retry tells the volume's state now");
        Assert.That(await MadeWithAsync(token), Is.EqualTo(new[] { first.VolumeId }));
        Assert.That(await DiskUsageAsync(TestUser.Alice) - before, Is.EqualTo(2L << 30));
    }

    [Test]
    public async Task The_same_token_with_other_parameters_is_a_mismatch_and_makes_nothing()
    {
        var token = "vol-mismatch-" + Guid.NewGuid();
        var first = (await Alice.CreateVolumeAsync(Request(token))).Volume;
        var before = await DiskUsageAsync(TestUser.Alice);

        var otherSize = await FailsAsync(() => Alice.CreateVolumeAsync(Request(token, size: 2)));
        var otherTags = await FailsAsync(() => Alice.CreateVolumeAsync(Request(token, name: "renamed")));
        var otherType = await FailsAsync(() => Alice.CreateVolumeAsync(Request(token, configure: r => r.VolumeType = "gp3")));

        foreach (var error in new[] { otherSize, otherTags, otherType })
        {
            Assert.That((error.ErrorCode, error.StatusCode, error.Message), Is.EqualTo(("IdempotentParameterMismatch", HttpStatusCode.BadRequest,
                "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).")));
        }
        Assert.That(await MadeWithAsync(token), Is.EqualTo(new[] { first.VolumeId }));
        Assert.That(await DiskUsageAsync(TestUser.Alice), Is.EqualTo(before));
    }

    [Test]
    public async Task Another_users_same_token_is_his_own()
    {
        var token = "vol-tenant-" + Guid.NewGuid();
        using var bob = Host.CreateClient(TestUser.Bob);

        var alices = (await Alice.CreateVolumeAsync(Request(token))).Volume.VolumeId;
        var bobs = (await bob.CreateVolumeAsync(Request(token))).Volume.VolumeId;
        var bobsAgain = (await bob.CreateVolumeAsync(Request(token))).Volume.VolumeId;
        var alicesAgain = (await Alice.CreateVolumeAsync(Request(token))).Volume.VolumeId;

        Assert.That(bobs, Is.Not.EqualTo(alices));
        Assert.That((bobsAgain, alicesAgain), Is.EqualTo((bobs, alices)));
        Assert.That((await MadeWithAsync(token), await MadeWithAsync(token, bob)), Is.EqualTo((new[] { alices }, new[] { bobs })));
    }

    [Test]
    public async Task Concurrent_requests_with_one_token_make_one_volume_and_take_the_quota_once()
    {
        var token = "vol-race-" + Guid.NewGuid();
        var clients = Enumerable.Range(0, 12).Select(_ => Host.CreateClient(TestUser.Alice)).ToList();
        var before = await DiskUsageAsync(TestUser.Alice);

        var answers = await Task.WhenAll(clients.Select(c => c.CreateVolumeAsync(Request(token, size: 3))));

        Assert.That(answers.Select(a => a.Volume.VolumeId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await MadeWithAsync(token), Is.EqualTo(new[] { answers[0].Volume.VolumeId }));
        Assert.That(await DiskUsageAsync(TestUser.Alice) - before, Is.EqualTo(3L << 30));
        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task A_dry_run_does_not_take_the_token()
    {
        var token = "vol-dry-" + Guid.NewGuid();

        var dry = await FailsAsync(() => Alice.CreateVolumeAsync(Request(token, configure: r => r.DryRun = true)));
        var nothing = await MadeWithAsync(token);
        var real = (await Alice.CreateVolumeAsync(Request(token, size: 2))).Volume;

        Assert.That((dry.ErrorCode, dry.StatusCode), Is.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That(nothing, Is.Empty);
        Assert.That((real.State.Value, real.Size), Is.EqualTo(("creating", 2)), "the token was free: the dry run did not take it");
    }

    [Test]
    public async Task A_retry_after_the_volume_was_deleted_gets_the_deleted_volume_not_a_new_one()
    {
        var token = "vol-deleted-" + Guid.NewGuid();
        var first = (await Alice.CreateVolumeAsync(Request(token))).Volume;
        await Alice.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = first.VolumeId });
        var before = await DiskUsageAsync(TestUser.Alice);

        var again = (await Alice.CreateVolumeAsync(Request(token))).Volume;

        Assert.That((again.VolumeId, again.State.Value), Is.EqualTo((first.VolumeId, "deleted")));
        Assert.That(await MadeWithAsync(token), Is.Empty);
        Assert.That(await DiskUsageAsync(TestUser.Alice), Is.EqualTo(before));
    }

    [Test]
    public async Task A_token_is_at_most_64_ascii_characters()
    {
        var tooLong = await FailsAsync(() => Alice.CreateVolumeAsync(Request(new string('t', 65))));
        var notAscii = await FailsAsync(() => Alice.CreateVolumeAsync(Request("jeton-é")));

        Assert.That((tooLong.ErrorCode, tooLong.Message), Is.EqualTo(("InvalidParameterValue",
            $"Value ({new string('t', 65)}) for parameter clientToken is invalid. A client token is at most 64 ASCII characters.")));
        Assert.That(notAscii.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public async Task Boto3_retries_with_the_same_token_get_the_same_volume()
    {
        var token = "vol-boto3-" + Guid.NewGuid();
        object Parameters(int size) => new { AvailabilityZone = _zone, Size = size, ClientToken = token };

        var first = (await Host.Boto3Async(TestUser.Alice, "create_volume", Parameters(1))).GetProperty("VolumeId").GetString();
        var again = (await Host.Boto3Async(TestUser.Alice, "create_volume", Parameters(1))).GetProperty("VolumeId").GetString();
        var mismatch = await Host.Boto3ErrorAsync(TestUser.Alice, "create_volume", Parameters(2));

        Assert.That(again, Is.EqualTo(first));
        Assert.That((mismatch.Code, mismatch.Status), Is.EqualTo(("IdempotentParameterMismatch", 400)));
    }
}
