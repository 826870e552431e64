using System.Diagnostics;
using System.Text.Json;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Walkthrough;

/// <summary>
/// What a user types: the AWS CLI against the host, from launch to termination, with the CLI's own
/// waiters. The same steps run on the simulated cluster and on the real Ganeti test cluster.
/// </summary>
/// <param name="instanceType">What to launch.</param>
/// <param name="resizeTo">Another instance type with the same disk.</param>
/// <param name="diskType">An instance type with a disk, so that the failing image's install runs (and fails).</param>
/// <param name="rebooted">Checks, given the instance ids, that the cluster rebooted them (e.g. the real cluster's reboot jobs).</param>
public sealed class CliWalkthrough(Ec2ApiHost host, AwsCli cli, TestUser user, string instanceType, string resizeTo, string diskType,
    Func<IReadOnlyList<string>, Task>? rebooted = null)
{
    public const string Image = "ami-00000001";
    public const string FailingImage = "ami-00000003";

    public async Task<JsonElement> Ec2Async(params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var result = await cli.RunAsync(host.Endpoint, user, ["ec2", .. arguments]);
        await TestContext.Progress.WriteLineAsync($"{cli} ec2 {arguments[0]} {arguments.ElementAtOrDefault(1)}: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(result.ExitCode, Is.Zero, $"aws ec2 {string.Join(' ', arguments)}: {result}");
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    public async Task<ProcessResult> Ec2FailsAsync(params string[] arguments)
    {
        var result = await cli.RunAsync(host.Endpoint, user, ["ec2", .. arguments]);
        Assert.That(result.ExitCode, Is.Not.Zero, $"aws ec2 {string.Join(' ', arguments)} should have failed: {result}");
        return result;
    }

    /// <summary>run → wait running → describe (filters, pages) → stop → wait stopped → resize → start → reboot → terminate → wait terminated.</summary>
    public async Task RunAllAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var ids = await LaunchAsync(run, 3);
        string[] idArguments = ["--instance-ids", .. ids];

        await Ec2Async(["wait", "instance-running", .. idArguments]);
        await DescribeWithFiltersAndPagesAsync(run, ids);

        var stopping = await Ec2Async(["stop-instances", .. idArguments]);
        Assert.That(States(stopping, "StoppingInstances"), Is.All.EqualTo(("running", "stopping")));
        await Ec2Async(["wait", "instance-stopped", .. idArguments]);

        await Ec2Async("modify-instance-attribute", "--instance-id", ids[0], "--instance-type", resizeTo);
        await UntilAsync(async () => (await Ec2Async("describe-instance-attribute", "--instance-id", ids[0], "--attribute", "instanceType"))
            .GetProperty("InstanceType").GetProperty("Value").GetString() == resizeTo, "the resize to be done");

        var starting = await Ec2Async(["start-instances", .. idArguments]);
        Assert.That(States(starting, "StartingInstances"), Is.All.EqualTo(("stopped", "pending")));
        await Ec2Async(["wait", "instance-running", .. idArguments]);
        var resized = await Ec2Async("describe-instances", "--instance-ids", ids[0]);
        Assert.That(Instances(resized).Single().GetProperty("InstanceType").GetString(), Is.EqualTo(resizeTo));

        var reboot = await cli.RunAsync(host.Endpoint, user, ["ec2", "reboot-instances", .. idArguments]);
        Assert.That((reboot.ExitCode, reboot.Stdout.Trim()), Is.EqualTo((0, "")), reboot.ToString());
        if (rebooted is not null)
        {
            await rebooted(ids);
        }

        var terminating = await Ec2Async(["terminate-instances", .. idArguments]);
        Assert.That(States(terminating, "TerminatingInstances").Select(s => s.Current), Is.All.EqualTo("shutting-down"));
        await Ec2Async(["wait", "instance-terminated", .. idArguments]);
    }

    /// <summary>The part AWS CLI v1 users run most: launch, wait, find, stop, terminate.</summary>
    public async Task RunSubsetAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var ids = await LaunchAsync(run, 2);
        string[] idArguments = ["--instance-ids", .. ids];

        await Ec2Async(["wait", "instance-running", .. idArguments]);
        var found = await Ec2Async("describe-instances", "--filters", $"Name=tag:walk,Values={run}", "Name=instance-state-name,Values=running");
        Assert.That(Instances(found).Select(i => i.GetProperty("InstanceId").GetString()), Is.EquivalentTo(ids));
        await Ec2Async(["stop-instances", .. idArguments]);
        await Ec2Async(["wait", "instance-stopped", .. idArguments]);
        await Ec2Async(["terminate-instances", .. idArguments]);
        await Ec2Async(["wait", "instance-terminated", .. idArguments]);
    }

    /// <summary>
    /// A launch whose install fails ends in <c>terminated</c> with the cluster's reason, so the waiter for running fails
    /// on a terminal state (not after its 40 polls); terminating it is accepted and, at the latest then, its quota is
    /// given back. What a terminate of an instance already shown terminated answers is AWS's no-op, asserted once, by
    /// <c>InstanceLifecycleContractTests</c>; whether the core destroys a failed launch by itself or on the terminate
    /// is not this walkthrough's business.
    /// </summary>
    public async Task FailedLaunchAsync()
    {
        var before = await InUseAsync();
        var id = (await Ec2Async("run-instances", "--image-id", FailingImage, "--instance-type", diskType, "--count", "1"))
            .GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;
        await UntilAsync(async () => State(await Ec2Async("describe-instances", "--instance-ids", id)) == "terminated", "the install to fail");

        var wait = await Ec2FailsAsync("wait", "instance-running", "--instance-ids", id);
        var failed = Instances(await Ec2Async("describe-instances", "--instance-ids", id)).Single();

        Assert.That(wait.Stderr, Does.Contain("terminal failure state").And.Not.Contain("Max attempts exceeded"), wait.ToString());
        Assert.That(failed.GetProperty("StateReason").GetProperty("Code").GetString(), Is.EqualTo("Server.InternalError"));
        Assert.That(failed.GetProperty("StateReason").GetProperty("Message").GetString(), Does.StartWith("Server.InternalError: ").And.Length.GreaterThan(30));

        var terminating = await Ec2Async("terminate-instances", "--instance-ids", id);
        await Ec2Async("wait", "instance-terminated", "--instance-ids", id);

        Assert.That(States(terminating, "TerminatingInstances").Single().Previous, Is.EqualTo("terminated"));
        await UntilAsync(async () => await InUseAsync() == before, "the quota to be freed");
    }

    /// <summary>Filters ANDed, values ORed, wildcards; <c>--page-size</c> is MaxResults, 5 to 1000 as on AWS.</summary>
    private async Task DescribeWithFiltersAndPagesAsync(string run, IReadOnlyList<string> ids)
    {
        string[] filters = ["--filters", $"Name=tag:walk,Values={run}", "Name=instance-state-name,Values=running,stopped", $"Name=instance-type,Values={instanceType[..2]}*"];

        var refused = await Ec2FailsAsync(["describe-instances", .. filters, "--page-size", "2"]);
        var paged = await Ec2Async(["describe-instances", .. filters, "--page-size", "5"]);

        Assert.That(refused.Stderr, Does.Contain("(InvalidParameterValue)").And.Contain("Expecting a value greater than 5"));
        Assert.That(Instances(paged).Select(i => i.GetProperty("InstanceId").GetString()), Is.EquivalentTo(ids));
        var first = Instances(paged).First();
        Assert.That(first.GetProperty("Placement").GetProperty("AvailabilityZone").GetString(), Is.Not.Empty);
        Assert.That(first.GetProperty("PrivateIpAddress").GetString(), Is.Not.Empty);
        Assert.That(first.GetProperty("ClientToken").GetString(), Is.Not.Empty);
    }

    /// <summary>The CLI follows NextToken across pages that split a reservation (pages count instances).</summary>
    public async Task PagesAcrossAReservationAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var ids = await LaunchAsync(run, 7);

        var all = await Ec2Async("describe-instances", "--filters", $"Name=tag:walk,Values={run}", "--page-size", "5");

        Assert.That(Instances(all).Select(i => i.GetProperty("InstanceId").GetString()), Is.EquivalentTo(ids));
        Assert.That(all.GetProperty("Reservations").GetArrayLength(), Is.EqualTo(2), "the reservation comes in two pages");
    }

    private async Task<List<string>> LaunchAsync(string run, int count)
    {
        var reservation = await Ec2Async("run-instances", "--image-id", Image, "--instance-type", instanceType, "--count", $"{count}",
            "--tag-specifications", $"ResourceType=instance,Tags=[{{Key=walk,Value={run}}},{{Key=Name,Value=walkthrough}}]");
        var ids = reservation.GetProperty("Instances").EnumerateArray().Select(i => i.GetProperty("InstanceId").GetString()!).ToList();
        Assert.That(ids, Has.Count.EqualTo(count));
        Assert.That(reservation.GetProperty("ReservationId").GetString(), Does.StartWith("r-"));
        return ids;
    }

    private async Task<int> InUseAsync()
    {
        var attributes = await Ec2Async("describe-account-attributes", "--attribute-names", "cyclades:vm");
        var values = attributes.GetProperty("AccountAttributes")[0].GetProperty("AttributeValues").EnumerateArray()
            .Select(v => v.GetProperty("AttributeValue").GetString()!);
        return int.Parse(values.Single(v => v.StartsWith("in-use=", StringComparison.Ordinal))["in-use=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task UntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(90));

    private static IEnumerable<JsonElement> Instances(JsonElement describe) =>
        describe.GetProperty("Reservations").EnumerateArray().SelectMany(r => r.GetProperty("Instances").EnumerateArray());

    private static string State(JsonElement describe) => Instances(describe).Single().GetProperty("State").GetProperty("Name").GetString()!;

    private static IEnumerable<(string Previous, string Current)> States(JsonElement changes, string list) =>
        changes.GetProperty(list).EnumerateArray().Select(c =>
            (c.GetProperty("PreviousState").GetProperty("Name").GetString()!, c.GetProperty("CurrentState").GetProperty("Name").GetString()!)).ToList();
}
