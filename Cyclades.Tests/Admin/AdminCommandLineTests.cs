using System.Text.Json;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Admin.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Admin;

/// <summary>
/// The admin command line as an operator uses it, beside the running service on the same database
/// (SQLite and MariaDB), checked through the AWS CLI a user runs.
/// </summary>
[Category("Contract")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class AdminCommandLineTests(DatabaseProvider provider)
{
    private AdminEnvironment _environment = null!;
    private Ec2ApiHost _host = null!;

    private AdminCli Cli => _environment.Cli;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _environment = await AdminEnvironment.CreateAsync(provider);
        _host = await _environment.StartHostAsync();
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        await _host.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Test]
    public async Task A_user_and_key_added_here_work_with_the_AWS_CLI_until_the_key_is_revoked()
    {
        var added = await Cli.SucceedsAsync("users", "add", "carol");
        Assert.That(added.Stdout, Does.Match(@"Name:\s+carol"));
        var user = await NewKeyAsync("carol");

        var regions = await AwsCli.V2.RunAsync(_host.Endpoint, user, "ec2", "describe-regions");
        Assert.That(regions.ExitCode, Is.Zero, regions.ToString());

        var keys = await Cli.SucceedsAsync("keys", "list", "carol");
        Assert.That(keys.Stdout, Does.Contain(user.AccessKeyId).And.Not.Contain(user.SecretAccessKey));
        Assert.That((await Cli.JsonAsync("users", "list")).EnumerateArray().Select(u => u.GetProperty("name").GetString()), Does.Contain("carol"));

        await Cli.SucceedsAsync("keys", "revoke", user.AccessKeyId);
        ProcessResult refused = null!;
        await Dispatch.Support.Eventually.HoldsAsync(async () =>
        {
            refused = await AwsCli.V2.RunAsync(_host.Endpoint, user, "ec2", "describe-regions");
            return refused.ExitCode != 0;
        }, "the revoked key to be refused (the service caches keys for seconds)");
        Assert.That(refused.Stderr, Does.Contain("(AuthFailure)"));
    }

    [Test]
    public async Task A_quota_set_here_refuses_run_instances_with_InstanceLimitExceeded()
    {
        await Cli.SucceedsAsync("users", "add", "dave");
        var user = await NewKeyAsync("dave");
        var quota = await Cli.SucceedsAsync("quotas", "set", "dave", "--vms", "1", "--ram-mib", "4096");
        Assert.That(quota.Stdout, Does.Match(@"dave\s+cyclades\.vm\s+1\s+0\s+0\s+1\s+servers"));

        var first = await RunInstanceAsync(user);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var second = await RunInstanceAsync(user);
        Assert.That(second.ExitCode, Is.Not.Zero);
        Assert.That(second.Stderr, Does.Contain("(InstanceLimitExceeded)"), second.ToString());

        var vms = (await Cli.JsonAsync("quotas", "show", "dave")).EnumerateArray().Single(r => r.GetProperty("resource").GetString() == "cyclades.vm");
        Assert.That((vms.GetProperty("limit").GetInt64(), vms.GetProperty("used").GetInt64()), Is.EqualTo((1L, 1L)));
        await Dispatch.Support.Eventually.HoldsAsync(async () =>
        {
            var server = (await Cli.JsonAsync("servers", "list", "--user", "dave")).EnumerateArray().Single();
            return server.GetProperty("operstate").GetString() == "STARTED" && server.GetProperty("task").ValueKind == JsonValueKind.Null
                   && server.GetProperty("lastJob").GetString()!.EndsWith(" CREATE SUCCESS", StringComparison.Ordinal);
        }, "the server to be listed STARTED, without a task, after its create job");
    }

    [Test]
    public async Task A_drained_backend_gets_no_new_servers_they_go_to_the_other_one()
    {
        await Cli.SucceedsAsync("users", "add", "erin");
        var user = await NewKeyAsync("erin");
        try
        {
            var drained = await Cli.SucceedsAsync("backends", "drain", AdminEnvironment.ZoneA);
            Assert.That(drained.Stdout, Does.Match(@"Drained:\s+yes"));
            Assert.That(await LaunchZoneAsync(user), Is.EqualTo(AdminEnvironment.ZoneB));

            await Cli.SucceedsAsync("backends", "undrain", AdminEnvironment.ZoneA);
            await Cli.SucceedsAsync("backends", "drain", AdminEnvironment.ZoneB);
            Assert.That(await LaunchZoneAsync(user), Is.EqualTo(AdminEnvironment.ZoneA));

            var listed = await Cli.JsonAsync("servers", "list", "--user", "erin", "--backend", AdminEnvironment.ZoneB);
            Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        }
        finally
        {
            await Cli.SucceedsAsync("backends", "undrain", AdminEnvironment.ZoneA);
            await Cli.SucceedsAsync("backends", "undrain", AdminEnvironment.ZoneB);
        }
        var backends = (await Cli.JsonAsync("backends", "list")).EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!);
        Assert.That((backends[AdminEnvironment.ZoneA].GetProperty("drained").GetBoolean(), backends[AdminEnvironment.ZoneB].GetProperty("drained").GetBoolean()),
            Is.EqualTo((false, false)));
    }

    [Test]
    public async Task A_flavor_and_an_image_added_here_can_be_launched_and_a_deprecated_flavor_cannot()
    {
        await Cli.SucceedsAsync("users", "add", "frank");
        var user = await NewKeyAsync("frank");
        await Cli.SucceedsAsync("flavors", "add", "m1.custom", "--cpu", "3", "--ram-mib", "1536", "--disk-gib", "1", "--disk-template", "file");
        var image = await Cli.JsonAsync("images", "add", "--id", "ami-0123abcd", "--name", "debian", "--os", "noop+default",
            "--os-parameter", "img_id=debian-12", "--os-parameter", "img_format=diskdump", "--description", "Debian 12");
        Assert.That(image.GetProperty("osParameters").GetProperty("img_id").GetString(), Is.EqualTo("debian-12"));

        var run = await RunInstanceAsync(user, "m1.custom", "ami-0123abcd");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        await Cli.SucceedsAsync("flavors", "deprecate", "m1.custom");
        var refused = await RunInstanceAsync(user, "m1.custom", "ami-0123abcd");
        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        var flavors = await Cli.JsonAsync("flavors", "list", "--all");
        var custom = flavors.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "m1.custom");
        Assert.That((custom.GetProperty("origin").GetString(), custom.GetProperty("deprecated").GetBoolean()), Is.EqualTo(("admin", true)));
        Assert.That((await Cli.SucceedsAsync("images", "list")).Stdout, Does.Contain("ami-0123abcd").And.Contain("img_id=debian-12"));
    }

    [Test]
    public async Task A_backend_added_here_and_drained_is_still_there_and_drained_after_a_restart()
    {
        var added = await Cli.JsonAsync("backends", "add", "zone-c", "--simulated", "--subnet", "10.3.0.0/24");
        Assert.That((added.GetProperty("origin").GetString(), added.GetProperty("enabled").GetBoolean()), Is.EqualTo(("admin", true)));
        await Cli.SucceedsAsync("backends", "drain", "zone-c");

        await _host.DisposeAsync();
        _host = await _environment.StartHostAsync();

        var zoneC = (await Cli.JsonAsync("backends", "list")).EnumerateArray().Single(b => b.GetProperty("name").GetString() == "zone-c");
        Assert.That((zoneC.GetProperty("enabled").GetBoolean(), zoneC.GetProperty("drained").GetBoolean()), Is.EqualTo((true, true)));
        var zones = await AwsCli.V2.RunAsync(_host.Endpoint, TestUser.Alice, "ec2", "describe-availability-zones");
        Assert.That(zones.Stdout, Does.Contain("\"zone-c\""), zones.ToString());
    }

    [TestCaseSource(nameof(Mistakes))]
    public async Task A_mistake_is_one_line_and_a_non_zero_exit(string[] arguments, string expected)
    {
        Assert.That(await Cli.FailsAsync(arguments), Does.Contain(expected));
    }

    private static IEnumerable<TestCaseData> Mistakes()
    {
        TestCaseData Case(string expected, params string[] arguments) =>
            new TestCaseData(arguments, expected).SetArgDisplayNames(string.Join(' ', arguments));
        yield return Case("The user 'nobody' does not exist.", "quotas", "set", "nobody", "--vms", "1");
        yield return Case("--vms must be a whole number", "quotas", "set", "alice", "--vms", "lots");
        yield return Case("is not an instance-type name", "flavors", "add", "Big_One", "--cpu", "1", "--ram-mib", "512", "--disk-gib", "1", "--disk-template", "file");
        yield return Case("Cpu must be ≥ 1", "flavors", "add", "m1.zero", "--cpu", "0", "--ram-mib", "512", "--disk-gib", "1", "--disk-template", "file");
        yield return Case("is defined in configuration (Cyclades:Flavors)", "flavors", "deprecate", "t2.nano");
        yield return Case("Flavor 'm9.none' does not exist.", "flavors", "deprecate", "m9.none");
        yield return Case("is not an AMI id", "images", "add", "--id", "debian", "--name", "debian", "--os", "noop+default");
        yield return Case("Backend 'zone-x' does not exist.", "backends", "drain", "zone-x");
        yield return Case("Url must be the absolute https:// URL", "backends", "add", "zone-y", "--url", "http://127.0.0.1:1");
        yield return Case("Server 999999 does not exist.", "servers", "show", "999999");
        yield return Case("The access key 'AKIANOSUCHKEY' does not exist.", "keys", "revoke", "AKIANOSUCHKEY");
        yield return Case("Required argument missing", "users", "add");
        yield return Case("Unrecognized command or argument '--colour'", "users", "list", "--colour");
        yield return Case("configuration error:", "users", "list", "--Cyclades:Database:Provider=Postgres");
    }

    private async Task<TestUser> NewKeyAsync(string name)
    {
        var key = await Cli.JsonAsync("keys", "create", name);
        return new TestUser(name, key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!);
    }

    private async Task<string> LaunchZoneAsync(TestUser user)
    {
        var run = await RunInstanceAsync(user);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("Instances")[0].GetProperty("Placement").GetProperty("AvailabilityZone").GetString()!;
    }

    private Task<ProcessResult> RunInstanceAsync(TestUser user, string instanceType = "t2.micro", string imageId = "ami-00000001") =>
        AwsCli.V2.RunAsync(_host.Endpoint, user, "ec2", "run-instances", "--image-id", imageId, "--instance-type", instanceType, "--count", "1");
}
