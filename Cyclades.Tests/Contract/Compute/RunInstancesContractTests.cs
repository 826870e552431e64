using System.Globalization;
using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>RunInstances through AWSSDK.EC2: the reservation's shape, idempotency, DryRun and every error.</summary>
[NonParallelizable]
public sealed class RunInstancesContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task The_reservation_is_shaped_like_aws()
    {
        var keyName = $"key-{Guid.NewGuid():N}";
        await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = keyName });

        var reservation = await Alice.RunAsync(2, configure: r =>
        {
            r.KeyName = keyName;
            r.ClientToken = "shape-" + Guid.NewGuid();
            r.Placement = new Placement { AvailabilityZone = "simulated" };
            r.UserData = Convert.ToBase64String("#!/bin/sh\necho hi\n"u8.ToArray());
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "web")] }];
        });

        Assert.That(reservation.ReservationId, Does.Match("^r-[0-9a-f]{17}$"));
        Assert.That(reservation.OwnerId, Does.Match("^[0-9]{12}$"));
        Assert.That(reservation.Instances, Has.Count.EqualTo(2));
        var first = reservation.Instances[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.InstanceId, Does.Match("^i-[0-9a-f]{17}$"));
            Assert.That((first.State.Code, first.State.Name.Value), Is.EqualTo((0, "pending")));
            Assert.That(first.ImageId, Is.EqualTo(ComputeHost.Image));
            Assert.That(first.InstanceType.Value, Is.EqualTo(ComputeHost.Type));
            Assert.That(reservation.Instances.Select(i => i.AmiLaunchIndex), Is.EqualTo(new int?[] { 0, 1 }));
            Assert.That(first.KeyName, Is.EqualTo(keyName));
            Assert.That(first.Placement.AvailabilityZone, Is.EqualTo("simulated"));
            Assert.That(first.Placement.Tenancy.Value, Is.EqualTo("default"));
            Assert.That(first.PrivateIpAddress, Does.StartWith("10.0."));
            Assert.That(first.PrivateDnsName, Is.EqualTo($"ip-{first.PrivateIpAddress!.Replace('.', '-')}.cyclades-1.compute.internal"));
            Assert.That(first.LaunchTime, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(first.ClientToken, Does.StartWith("shape-"));
            Assert.That(first.Tags.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("Name", "web") }));
            Assert.That(first.StateReason.Code, Is.EqualTo("Cyclades.Task.BUILDING"));
            Assert.That(first.StateReason.Message, Does.Match("^BUILDING: Ganeti job [0-9]+ is pending$"));
            Assert.That(first.StateTransitionReason, Does.StartWith("BUILDING (Ganeti job "));
            Assert.That((first.Architecture.Value, first.RootDeviceType.Value, first.Hypervisor.Value, first.VirtualizationType.Value),
                Is.EqualTo(("x86_64", "ebs", "xen", "hvm")));
            Assert.That(first.Monitoring.State.Value, Is.EqualTo("disabled"));
        });
    }

    [Test]
    public async Task The_key_pairs_public_key_reaches_the_cluster_through_the_images_key_parameter()
    {
        var keyName = $"key-{Guid.NewGuid():N}";
        var key = await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = keyName, KeyType = KeyType.Ed25519 });
        var publicKey = (await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [keyName], IncludePublicKey = true })).KeyPairs[0].PublicKey;

        var id = (await Alice.RunAsync(configure: r => r.KeyName = keyName)).Instances[0].InstanceId;

        var serverId = long.Parse(id[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var cluster = Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate("simulated");
        var create = Enumerable.Range(1, 500).Select(n => cluster.FindJob(n)).OfType<Cyclades.Ganeti.Rapi.Models.GanetiJob>()
            .SelectMany(j => j.Ops ?? []).Single(op => op.InstanceName == $"snf-{serverId}");
        Assert.That(create.OtherParameters!["osparams"].GetProperty("img_properties").GetString(), Is.EqualTo(publicKey));
        Assert.That(publicKey, Does.StartWith("ssh-ed25519 "));
        Assert.That(key.KeyPair.KeyMaterial, Does.StartWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
    }

    [Test]
    public async Task The_same_client_token_and_parameters_give_the_same_reservation_with_current_states()
    {
        var token = "idem-" + Guid.NewGuid();
        void Configure(RunInstancesRequest r)
        {
            r.ClientToken = token;
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("a", "1"), new Tag("b", "2")] }];
        }
        var first = await Alice.RunAsync(2, configure: Configure);
        await Alice.WaitForAsync("running", first.Instances.Select(i => i.InstanceId).ToList());

        var again = await Alice.RunAsync(2, configure: Configure);

        Assert.That(again.ReservationId, Is.EqualTo(first.ReservationId));
        Assert.That(again.Instances.Select(i => i.InstanceId), Is.EqualTo(first.Instances.Select(i => i.InstanceId)));
        Assert.That(again.Instances.Select(i => i.State.Name.Value), Is.All.EqualTo("running"));
    }

    [Test]
    public async Task The_same_client_token_with_other_parameters_is_a_mismatch()
    {
        var token = "mismatch-" + Guid.NewGuid();
        await Alice.RunAsync(configure: r => r.ClientToken = token);

        var error = await FailsAsync(() => Alice.RunAsync(configure: r =>
        {
            r.ClientToken = token;
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("x", "y")] }];
        }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("IdempotentParameterMismatch", HttpStatusCode.BadRequest)));
    }

    [Test]
    public async Task Twenty_concurrent_launches_with_one_client_token_make_one_reservation()
    {
        var token = "concurrent-" + Guid.NewGuid();
        var clients = Enumerable.Range(0, 20).Select(_ => Host.CreateClient(TestUser.Alice)).ToList();

        var reservations = await Task.WhenAll(clients.Select(c => c.RunAsync(2, configure: r => r.ClientToken = token)));

        Assert.That(reservations.Select(r => r.ReservationId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId).Distinct().Count(), Is.EqualTo(2));
        Assert.That(await Alice.ListAsync(new Filter("client-token", [token])), Has.Count.EqualTo(2));
        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task A_dry_run_checks_everything_creates_nothing_and_does_not_record_the_token()
    {
        var token = "dry-" + Guid.NewGuid();
        var before = (await Alice.ListAsync()).Count;

        var dry = await FailsAsync(() => Alice.RunAsync(configure: r => { r.DryRun = true; r.ClientToken = token; }));
        var dryWithBadImage = await FailsAsync(() => Alice.RunAsync(image: "ami-99999999", configure: r => r.DryRun = true));
        var dryWithBadType = await FailsAsync(() => Alice.RunAsync(configure: r => { r.DryRun = true; r.InstanceType = "x9.huge"; }));
        var dryWithBadZone = await FailsAsync(() => Alice.RunAsync(configure: r => { r.DryRun = true; r.Placement = new Placement { AvailabilityZone = "mars-1a" }; }));

        Assert.That((dry.ErrorCode, dry.StatusCode), Is.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That(dryWithBadImage.ErrorCode, Is.EqualTo("InvalidAMIID.NotFound"));
        Assert.That((dryWithBadType.ErrorCode, dryWithBadType.Message), Is.EqualTo(("InvalidParameterValue", "Invalid value 'x9.huge' for InstanceType.")));
        Assert.That((dryWithBadZone.ErrorCode, dryWithBadZone.Message), Is.EqualTo(("InvalidParameterValue", "Invalid availability zone: [mars-1a]")));
        Assert.That((await Alice.ListAsync()).Count, Is.EqualTo(before));
        var real = await Alice.RunAsync(3, configure: r => r.ClientToken = token);
        Assert.That(real.Instances, Has.Count.EqualTo(3), "the token was free: the dry run did not take it");
    }

    private static IEnumerable<TestCaseData> InvalidLaunches()
    {
        TestCaseData Case(string name, string code, string message, Action<RunInstancesRequest> change) =>
            new TestCaseData(change, code, message).SetName($"RunInstances: {name} is {code}");
        yield return Case("an unknown image", "InvalidAMIID.NotFound", "The image id '[ami-99999999]' does not exist", r => r.ImageId = "ami-99999999");
        yield return Case("a malformed image id", "InvalidAMIID.Malformed", "Invalid id: \"img-1\"", r => r.ImageId = "img-1");
        yield return Case("an unknown instance type", "InvalidParameterValue", "Invalid value 'x9.huge' for InstanceType.", r => r.InstanceType = "x9.huge");
        yield return Case("an unknown key pair", "InvalidKeyPair.NotFound", "The key pair 'nokey' does not exist", r => r.KeyName = "nokey");
        yield return Case("an unknown zone", "InvalidParameterValue", "Invalid availability zone: [mars-1a]", r => r.Placement = new Placement { AvailabilityZone = "mars-1a" });
        yield return Case("MinCount above MaxCount", "InvalidParameterValue", "parameter maxCount is invalid", r => (r.MinCount, r.MaxCount) = (3, 2));
        yield return Case("MinCount 0", "InvalidParameterValue", "parameter minCount is invalid", r => (r.MinCount, r.MaxCount) = (0, 1));
        yield return Case("user data over 16 KiB", "InvalidParameterValue", "User data", r => r.UserData = Convert.ToBase64String(new byte[16 * 1024 + 1]));
        yield return Case("user data that is not base64", "InvalidParameterValue", "User data", r => r.UserData = "not base64!");
        yield return Case("a client token over 64 characters", "InvalidParameterValue", "clientToken", r => r.ClientToken = new string('t', 65));
        yield return Case("a reserved tag key", "InvalidParameterValue", "reserved", r => r.TagSpecifications =
            [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("aws:x", "1")] }]);
        yield return Case("a tag key over 128 characters", "InvalidParameterValue", "128", r => r.TagSpecifications =
            [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag(new string('k', 129), "1")] }]);
        yield return Case("a tag value over 256 characters", "InvalidParameterValue", "256", r => r.TagSpecifications =
            [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("k", new string('v', 257))] }]);
        yield return Case("51 tags", "TagLimitExceeded", "maximum number of Tags", r => r.TagSpecifications =
            [new TagSpecification { ResourceType = ResourceType.Instance, Tags = Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v")).ToList() }]);
    }

    [TestCaseSource(nameof(InvalidLaunches))]
    public async Task Invalid_launches_fail_with_the_aws_error_and_create_nothing(Action<RunInstancesRequest> change, string code, string message)
    {
        var before = (await Alice.ListAsync()).Count;

        var error = await FailsAsync(() => Alice.RunAsync(configure: change));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
        Assert.That(error.Message, Does.Contain(message));
        Assert.That((await Alice.ListAsync()).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task Quotas_are_all_or_nothing_below_min_count_and_name_the_limit()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        var userId = await Host.LogicUserIdAsync(TestUser.Bob);
        var quotas = Host.Services.GetRequiredService<QuotaService>();
        await quotas.SetLimitAsync(userId, QuotaResource.Vm, 3, CancellationToken.None);
        try
        {
            var vm = await FailsAsync(() => bob.RunAsync(4));
            var clipped = await bob.RunAsync(configure: r => (r.MinCount, r.MaxCount) = (1, 5000));
            await quotas.SetLimitAsync(userId, QuotaResource.Vm, 100, CancellationToken.None);
            await quotas.SetLimitAsync(userId, QuotaResource.TotalCpu, 4, CancellationToken.None);
            var cpu = await FailsAsync(() => bob.RunAsync(2, type: "t2.medium"));
            await quotas.SetLimitAsync(userId, QuotaResource.TotalCpu, null, CancellationToken.None);
            await quotas.SetLimitAsync(userId, QuotaResource.TotalRam, 4L * 1024 * 1024 * 1024, CancellationToken.None);
            var ram = await FailsAsync(() => bob.RunAsync(2, type: "t2.medium"));
            await quotas.SetLimitAsync(userId, QuotaResource.TotalRam, null, CancellationToken.None);
            await quotas.SetLimitAsync(userId, QuotaResource.Disk, 3L * 1024 * 1024 * 1024, CancellationToken.None);
            var disk = await FailsAsync(() => bob.RunAsync(1));

            Assert.That((vm.ErrorCode, vm.StatusCode, vm.Message), Is.EqualTo(("InstanceLimitExceeded", HttpStatusCode.BadRequest,
                "Your quota allows for 3 more running instance(s). You requested at least 4")));
            Assert.That(clipped.Instances, Has.Count.EqualTo(3), "above MinCount the launch is clipped to the quota");
            Assert.That((cpu.ErrorCode, cpu.Message), Is.EqualTo(("VcpuLimitExceeded",
                "You have requested more vCPU capacity than your current vCPU limit of 4 (cyclades.total_cpu) allows: 3 in use, 4 requested.")));
            Assert.That((ram.ErrorCode, ram.Message), Is.EqualTo(("InstanceLimitExceeded",
                "You have requested more memory than your current limit of 4096 MiB (cyclades.total_ram) allows: 3072 MiB in use, 8192 MiB requested.")));
            Assert.That((disk.ErrorCode, disk.Message), Is.EqualTo(("VolumeLimitExceeded",
                "You have exceeded your maximum storage limit of 3 GiB (cyclades.disk): 3 GiB in use, 1 GiB requested.")));
        }
        finally
        {
            foreach (var resource in QuotaResources.All)
            {
                await quotas.SetLimitAsync(userId, resource, null, CancellationToken.None);
            }
        }
    }

    [Test]
    public async Task No_cluster_with_room_is_insufficient_capacity_and_an_unreachable_cluster_is_unavailable()
    {
        var backends = Host.Services.GetRequiredService<BackendRegistry>();
        var cluster = Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate("simulated");
        await backends.SetDrainedAsync("simulated", true, CancellationToken.None);
        AmazonEC2Exception capacity;
        try
        {
            capacity = await FailsAsync(() => Alice.RunAsync());
        }
        finally
        {
            await backends.SetDrainedAsync("simulated", false, CancellationToken.None);
        }
        var stopped = await Alice.StoppedAsync();
        cluster.FailNextRequests(HttpStatusCode.BadGateway, count: 10, HttpMethod.Put);
        AmazonEC2Exception unavailable;
        try
        {
            unavailable = await FailsAsync(() => Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = stopped }));
        }
        finally
        {
            cluster.ClearFaults();
        }

        Assert.That((capacity.ErrorCode, capacity.StatusCode), Is.EqualTo(("InsufficientInstanceCapacity", HttpStatusCode.InternalServerError)));
        Assert.That(capacity.Message, Does.Contain("drained"));
        Assert.That((unavailable.ErrorCode, unavailable.StatusCode), Is.EqualTo(("Unavailable", HttpStatusCode.ServiceUnavailable)));
        Assert.That((await Alice.DescribeOneAsync(stopped[0])).State.Name.Value, Is.EqualTo("stopped"), "nothing was done");
    }

    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.BadRequest)]
    public async Task A_cluster_refusing_the_request_is_not_retried_by_the_sdk(HttpStatusCode refusal)
    {
        var cluster = Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate("simulated");
        using var retrying = new AmazonEC2Client(
            new Amazon.Runtime.BasicAWSCredentials(TestUser.Alice.AccessKeyId, TestUser.Alice.SecretAccessKey),
            new AmazonEC2Config { ServiceURL = Host.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 4 });
        const int injected = 5;
        cluster.FailNextRequests(refusal, count: injected, HttpMethod.Post);
        AmazonEC2Exception refused;
        int attempts;
        try
        {
            refused = await FailsAsync(() => retrying.RunAsync());
            attempts = injected - cluster.PendingRequestFaults;
        }
        finally
        {
            cluster.ClearFaults();
        }

        Assert.That((refused.ErrorCode, refused.StatusCode), Is.EqualTo(("UnsupportedOperation", HttpStatusCode.BadRequest)));
        Assert.That(refused.Message, Does.Contain("refused this request"));
        Assert.That(attempts, Is.EqualTo(1), "create requests the cluster got");
    }
}
