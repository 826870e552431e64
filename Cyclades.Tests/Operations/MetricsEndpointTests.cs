using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Operations.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Operations;

/// <summary><c>/metrics</c> after a short scenario: the EC2 requests, the Ganeti jobs, the dispatcher, reconciliation and commissions moved.</summary>
[Category("Contract")]
public sealed class MetricsEndpointTests
{
    private const string Zone = "zone-m";

    private Ec2ApiHost _host = null!;
    private readonly HttpClient _http = new();

    [OneTimeSetUp]
    public async Task StartHost() => _host = await Ec2ApiHost.StartAsync(new Dictionary<string, string?>
    {
        ["Cyclades:Ganeti:Clusters:0:Name"] = Zone,
        ["Cyclades:Ganeti:Clusters:0:Simulated"] = "true",
        ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = "50",
        ["Cyclades:Reconciliation:InitialDelaySeconds"] = "0",
        ["Cyclades:Reconciliation:IntervalSeconds"] = "1",
    });

    [OneTimeTearDown]
    public async Task StopHost()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task A_short_scenario_moves_the_request_job_dispatcher_reconciliation_and_commission_metrics()
    {
        var before = await PrometheusScrape.ReadAsync(_http, _host.Endpoint);
        using var ec2 = _host.CreateClient(TestUser.Alice);

        await ec2.DescribeRegionsAsync(new DescribeRegionsRequest());
        var instanceId = (await ec2.RunInstancesAsync(new RunInstancesRequest("ami-00000001", 1, 1) { InstanceType = InstanceType.T2Micro }))
            .Reservation.Instances.Single().InstanceId;
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.RunInstancesAsync(new RunInstancesRequest("ami-0badbad0", 1, 1) { InstanceType = InstanceType.T2Micro }));
        await Eventually.HoldsAsync(async () =>
            (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] })).Reservations[0].Instances[0].State.Name == InstanceStateName.Running,
            "the instance to run");
        var server = (await _host.Services.GetRequiredService<ServerQueries>().ListAnyUserAsync(null, new ServerFilter(), null, 10, CancellationToken.None)).Servers.Single();
        _host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate(Zone).CrashInstance(server.Server.InstanceName);
        PrometheusScrape after = null!;
        await Eventually.HoldsAsync(async () =>
        {
            after = await PrometheusScrape.ReadAsync(_http, _host.Endpoint);
            return after.Sum("cyclades_logic_reconciliation_findings") > before.Sum("cyclades_logic_reconciliation_findings");
        }, "periodic reconciliation to find the crashed instance");

        double Moved(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Multiple(() =>
        {
            Assert.That(Moved("cyclades_ec2_requests", ("action", "RunInstances"), ("status", "200"), ("error_code", "")), Is.EqualTo(1));
            Assert.That(Moved("cyclades_ec2_requests", ("action", "RunInstances"), ("status", "400"), ("error_code", refused!.ErrorCode)), Is.EqualTo(1));
            Assert.That(Moved("cyclades_ec2_requests", ("action", "DescribeInstances")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Moved("cyclades_ec2_request_duration_seconds_count", ("action", "DescribeRegions")), Is.EqualTo(1));
            Assert.That(after.Sum("cyclades_ec2_request_duration_seconds_bucket", ("action", "DescribeRegions"), ("le", "+Inf")),
                Is.EqualTo(after.Sum("cyclades_ec2_request_duration_seconds_count", ("action", "DescribeRegions"))));
            Assert.That(Moved("cyclades_logic_jobs_submitted", ("operation", "CREATE")), Is.EqualTo(1));
            Assert.That(Moved("cyclades_logic_dispatcher_events", ("operation", "CREATE"), ("status", "SUCCESS")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Moved("cyclades_logic_dispatcher_lag_seconds_count"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Moved("cyclades_logic_commissions", ("state", "accepted")), Is.GreaterThanOrEqualTo(1));
            Assert.That(after.Has("cyclades_logic_commissions"), Is.True);
            Assert.That(after.Has("system_runtime_dotnet_gc_collections"), Is.True, "runtime metrics too");
        });
    }

    [Test]
    public async Task Metrics_need_no_signature_and_count_no_request_of_their_own()
    {
        var first = await PrometheusScrape.ReadAsync(_http, _host.Endpoint);
        var second = await PrometheusScrape.ReadAsync(_http, _host.Endpoint);

        Assert.That(second.Sum("cyclades_ec2_requests"), Is.EqualTo(first.Sum("cyclades_ec2_requests")));
        Assert.That(second.Text, Does.Contain("# TYPE cyclades_ec2_request_duration_seconds histogram"));
    }
}
