using System.Globalization;
using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>DescribeInstances through AWSSDK.EC2: ids, every filter, pages and terminated instances.</summary>
[NonParallelizable]
public sealed class DescribeInstancesContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private Reservation _web = null!;
    private Reservation _db = null!;
    private string _keyName = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cyclades:Ec2:TerminatedVisibleFor"] = "00:00:03" };

    [OneTimeSetUp]
    public async Task LaunchInstances()
    {
        _keyName = "filters-key";
        await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = _keyName });
        _web = await Alice.RunAsync(2, configure: r =>
        {
            r.ClientToken = "web-token";
            r.KeyName = _keyName;
            r.TagSpecifications = [Tags(("Name", "web"), ("env", "prod"))];
        });
        _db = await Alice.RunAsync(1, type: "t2.small", configure: r => r.TagSpecifications = [Tags(("Name", "db"), ("env", "test"))]);
        await Alice.WaitForAsync("running", Ids(_web, _db));
        await Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = Ids(_db) });
        await Alice.WaitForAsync("stopped", Ids(_db));
    }

    private static TagSpecification Tags(params (string Key, string Value)[] tags) =>
        new() { ResourceType = ResourceType.Instance, Tags = tags.Select(t => new Tag(t.Key, t.Value)).ToList() };

    private static List<string> Ids(params Reservation[] reservations) => reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId).ToList();

    private string Web0 => _web.Instances[0].InstanceId;

    private static IEnumerable<TestCaseData> FilterCases()
    {
        TestCaseData Case(string name, Filter[] filters, Func<DescribeInstancesContractTests, IEnumerable<string>> expected) =>
            new TestCaseData(filters, expected).SetName($"Filter {name}");
        yield return Case("instance-id", [new("instance-id", ["PLACEHOLDER-web0"])], t => [t.Web0]);
        yield return Case("instance-id with wildcards", [new("instance-id", ["i-0000000000000000?"])], t => Ids(t._web, t._db));
        yield return Case("instance-state-name, values ORed", [new("instance-state-name", ["stopped", "terminated"])], t => Ids(t._db));
        yield return Case("instance-state-code", [new("instance-state-code", ["16"])], t => Ids(t._web));
        yield return Case("instance-type with *", [new("instance-type", ["t2.s*"])], t => Ids(t._db));
        yield return Case("image-id", [new("image-id", [ComputeHost.Image])], t => Ids(t._web, t._db));
        yield return Case("key-name with ?", [new("key-name", ["filters-ke?"])], t => Ids(t._web));
        yield return Case("availability-zone", [new("availability-zone", ["simulated"])], t => Ids(t._web, t._db));
        yield return Case("reservation-id", [new("reservation-id", ["PLACEHOLDER-db-reservation"])], t => Ids(t._db));
        yield return Case("client-token", [new("client-token", ["web-*"])], t => Ids(t._web));
        yield return Case("launch-time by day", [new("launch-time", ["PLACEHOLDER-web0-launch-day"])], t => t.LaunchedOn(LaunchDay(t._web.Instances[0])));
        yield return Case("launch-time in another year", [new("launch-time", ["1999-*"])], _ => []);
        yield return Case("private-ip-address", [new("private-ip-address", ["PLACEHOLDER-web0-ip"])], t => [t.Web0]);
        yield return Case("ip-address (none here)", [new("ip-address", ["*"])], _ => []);
        yield return Case("owner-id of someone else", [new("owner-id", ["999999999999"])], _ => []);
        yield return Case("tag:Name", [new("tag:Name", ["web", "nothing"])], t => Ids(t._web));
        yield return Case("tag-key", [new("tag-key", ["en?"])], t => Ids(t._web, t._db));
        yield return Case("tag-value", [new("tag-value", ["te*"])], t => Ids(t._db));
        yield return Case("filters ANDed", [new("tag:env", ["prod", "test"]), new("instance-state-name", ["running"])], t => Ids(t._web));
        yield return Case("one filter given twice is ANDed", [new("instance-type", ["t2.*"]), new("instance-type", ["*.small"])], t => Ids(t._db));
        yield return Case("architecture", [new("architecture", ["x86_64"])], t => Ids(t._web, t._db));
        yield return Case("architecture none has", [new("architecture", ["arm64"])], _ => []);
    }

    [TestCaseSource(nameof(FilterCases))]
    public async Task Filters_select_instances(Filter[] filters, Func<DescribeInstancesContractTests, IEnumerable<string>> expected)
    {
        foreach (var filter in filters)
        {
            filter.Values = filter.Values.Select(Resolve).ToList();
        }

        var found = await Alice.ListAsync(filters);

        Assert.That(found.Select(i => i.InstanceId).Order(), Is.EqualTo(expected(this).Order()));
    }

    private string Resolve(string value) => value switch
    {
        "PLACEHOLDER-web0" => Web0,
        "PLACEHOLDER-db-reservation" => _db.ReservationId,
        "PLACEHOLDER-web0-ip" => _web.Instances[0].PrivateIpAddress!,
        "PLACEHOLDER-web0-launch-day" => LaunchDay(_web.Instances[0]) + "T*",
        _ => value,
    };

    /// <summary>The UTC day an instance was launched on (the day is taken from the instances, never from a clock).</summary>
    private static string LaunchDay(Instance instance) =>
        instance.LaunchTime!.Value.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IEnumerable<string> LaunchedOn(string day) =>
        _web.Instances.Concat(_db.Instances).Where(i => LaunchDay(i) == day).Select(i => i.InstanceId);

    [Test]
    public async Task Owner_id_is_the_callers_twelve_digit_account()
    {
        var found = await Alice.ListAsync(new Filter("owner-id", [_web.OwnerId]));

        Assert.That(found, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Instances_are_grouped_by_reservation()
    {
        var response = await Alice.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = Ids(_db, _web) });

        Assert.That(response.Reservations.Select(r => (r.ReservationId, r.OwnerId, r.Instances.Count)),
            Is.EquivalentTo(new[] { (_web.ReservationId, _web.OwnerId, 2), (_db.ReservationId, _web.OwnerId, 1) }));
        Assert.That(response.NextToken, Is.Null);
    }

    [Test]
    public async Task Unknown_ids_are_not_found_and_malformed_ids_are_malformed()
    {
        var one = await FailsAsync(() => Alice.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [Web0, "i-0000000000000fff0"] }));
        var two = await FailsAsync(() => Alice.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-00000fff", "i-0000000000000fff1"] }));
        var malformed = await FailsAsync(() => Alice.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-xyz"] }));

        Assert.That((one.ErrorCode, one.StatusCode, one.Message), Is.EqualTo(("InvalidInstanceID.NotFound", HttpStatusCode.BadRequest,
            "The instance ID 'i-0000000000000fff0' does not exist")));
        Assert.That(two.Message, Is.EqualTo("The instance IDs 'i-00000fff, i-0000000000000fff1' do not exist"));
        Assert.That((malformed.ErrorCode, malformed.Message), Is.EqualTo(("InvalidInstanceID.Malformed", "Invalid id: \"i-xyz\"")));
    }

    [Test]
    public async Task The_short_id_form_names_the_same_instance()
    {
        var shortId = "i-" + Web0[^8..];

        var found = await Alice.DescribeOneAsync(shortId);

        Assert.That(found.InstanceId, Is.EqualTo(Web0));
    }

    [Test]
    public async Task Ids_and_filters_intersect()
    {
        var response = await Alice.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            InstanceIds = Ids(_web, _db),
            Filters = [new Filter("instance-state-name", ["stopped"])],
        });

        Assert.That(response.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId), Is.EqualTo(Ids(_db)));
    }

    private static IEnumerable<TestCaseData> InvalidRequests()
    {
        yield return new TestCaseData(new DescribeInstancesRequest { Filters = [new Filter("colour", ["red"])] }, "InvalidParameterValue", "The filter 'colour' is invalid")
            .SetName("An unknown filter is invalid");
        yield return new TestCaseData(new DescribeInstancesRequest { MaxResults = 4 }, "InvalidParameterValue",
            "Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.").SetName("MaxResults below 5 is invalid");
        yield return new TestCaseData(new DescribeInstancesRequest { MaxResults = 5, InstanceIds = ["i-00000001"] }, "InvalidParameterCombination",
            "The parameter instancesSet cannot be used with the parameter maxResults").SetName("MaxResults with ids is a bad combination");
        yield return new TestCaseData(new DescribeInstancesRequest { NextToken = "not-a-token" }, "InvalidPaginationToken", "invalid")
            .SetName("A made-up token is an invalid pagination token");
    }

    [TestCaseSource(nameof(InvalidRequests))]
    public async Task Invalid_requests_fail(DescribeInstancesRequest request, string code, string message)
    {
        var error = await FailsAsync(() => Alice.DescribeInstancesAsync(request));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public async Task A_page_larger_than_1000_is_clamped_not_refused()
    {
        var response = await Alice.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5000 });

        Assert.That(response.Reservations.SelectMany(r => r.Instances).Count(), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task A_token_is_bound_to_its_filters_and_cannot_be_altered()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        await bob.RunAsync(6);
        var filter = new Filter("image-id", [ComputeHost.Image]);
        var token = (await bob.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, Filters = [filter] })).NextToken!;
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        var otherFilters = await FailsAsync(() => bob.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            MaxResults = 5, NextToken = token, Filters = [new Filter("image-id", ["ami-*"])],
        }));
        var tampered = await FailsAsync(() => bob.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = altered, Filters = [filter] }));
        var otherUser = await FailsAsync(() => Alice.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = token, Filters = [filter] }));
        var last = await bob.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = token, Filters = [filter] });

        Assert.That(new[] { otherFilters.ErrorCode, tampered.ErrorCode, otherUser.ErrorCode }, Is.All.EqualTo("InvalidPaginationToken"));
        Assert.That(last.Reservations.SelectMany(r => r.Instances).Count(), Is.EqualTo(1));
        Assert.That(last.NextToken, Is.Null, "no token at all on the last page");
    }

    [Test]
    public async Task Terminated_instances_stay_visible_for_the_configured_time_then_are_not_found()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        var id = (await bob.RunningAsync())[0];
        var change = await bob.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        var terminated = (await bob.WaitForAsync("terminated", id))[0];

        await Eventually.HoldsAsync(async () => !(await bob.ListAsync()).Any(i => i.InstanceId == id), "the terminated instance to leave the list");

        Assert.That((change.TerminatingInstances[0].PreviousState.Name.Value, change.TerminatingInstances[0].CurrentState.Name.Value),
            Is.EqualTo(("running", "shutting-down")));
        Assert.That(terminated.StateReason.Code, Is.EqualTo("Client.UserInitiatedShutdown"));
        Assert.That(terminated.StateTransitionReason, Does.StartWith("User initiated ("));
        var gone = await FailsAsync(() => bob.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] }));
        Assert.That(gone.ErrorCode, Is.EqualTo("InvalidInstanceID.NotFound"));
        Assert.That((await bob.ListAsync()).Select(i => i.InstanceId), Does.Not.Contain(id));
    }
}
