using System.Text.Json;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract;

/// <summary>
/// The JS SDK v3 (<c>@aws-sdk/client-ec2</c>, pinned in <c>Contract/Node/package-lock.json</c>) against the
/// real host: launch, <c>waitUntilInstanceRunning</c>, <c>paginateDescribeInstances</c> with filters,
/// terminate, <c>waitUntilInstanceTerminated</c> (Contract/Node/lifecycle.mjs).
/// </summary>
[Category("Contract")]
public sealed class JsSdkContractTests
{
    private const int Count = 6;
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _host = await ComputeHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    [Test]
    public async Task Launch_wait_page_with_filters_terminate_and_wait()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var (exitCode, output) = await Node.RunScriptAsync("lifecycle.mjs", new Dictionary<string, string?>
        {
            ["CYCLADES_ENDPOINT"] = _host.Endpoint.ToString(),
            ["CYCLADES_RUN"] = run,
            ["CYCLADES_COUNT"] = $"{Count}",
            ["CYCLADES_IMAGE"] = ComputeHost.Image,
            ["CYCLADES_TYPE"] = ComputeHost.Type,
            ["AWS_ACCESS_KEY_ID"] = TestUser.Alice.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = TestUser.Alice.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_ENDPOINT_URL_EC2"] = null,
        });

        Assert.That(exitCode, Is.Zero, output.ToString());
        var launched = output.GetProperty("launched").EnumerateArray().ToList();
        var ids = launched.Select(i => i.GetProperty("id").GetString()!).ToList();
        var found = output.GetProperty("found");
        var foundInstances = found.GetProperty("instances").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(output.GetProperty("reservationId").GetString(), Does.StartWith("r-"));
            Assert.That(ids, Has.Count.EqualTo(Count));
            Assert.That(ids, Is.All.StartWith("i-") & Is.Unique);
            Assert.That(launched.Select(i => i.GetProperty("state").GetString()), Is.All.EqualTo("pending"),
                "RunInstances answers every instance pending, as AWS does, even when the cluster was faster than the answer");
            Assert.That(output.GetProperty("running").GetString(), Is.EqualTo("SUCCESS"), "waitUntilInstanceRunning");

            Assert.That(Ints(found.GetProperty("pages")), Is.EqualTo(new[] { 5, 1 }), "pages of five instances, followed by the paginator");
            Assert.That(foundInstances.Select(i => i.GetProperty("id").GetString()), Is.EquivalentTo(ids));
            Assert.That(foundInstances.Select(i => i.GetProperty("state").GetString()), Is.All.EqualTo("running"));
            Assert.That(foundInstances.Select(i => i.GetProperty("type").GetString()), Is.All.EqualTo(ComputeHost.Type));
            Assert.That(foundInstances.Select(i => i.GetProperty("zone").GetString()), Is.All.Not.Empty);
            Assert.That(foundInstances.Select(i => i.GetProperty("privateIp").GetString()), Is.All.Not.Empty);
            Assert.That(foundInstances.Select(i => i.GetProperty("launchTime").GetString()), Is.All.Not.Empty, "LaunchTime parsed as a date");
            Assert.That(foundInstances.Select(i => i.GetProperty("tags").GetProperty("run").GetString()), Is.All.EqualTo(run));
            Assert.That(output.GetProperty("stoppedFound").GetProperty("instances").GetArrayLength(), Is.Zero, "the state filter excludes running ones");

            Assert.That(output.GetProperty("terminating").EnumerateArray().Select(c => (c.GetProperty("previous").GetString(), c.GetProperty("current").GetString())),
                Is.All.EqualTo(("running", "shutting-down")));
            Assert.That(output.GetProperty("terminated").GetString(), Is.EqualTo("SUCCESS"), "waitUntilInstanceTerminated");
            Assert.That(output.GetProperty("after").GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("state").GetString()),
                Is.EqualTo(Enumerable.Repeat("terminated", Count)));
        });
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
