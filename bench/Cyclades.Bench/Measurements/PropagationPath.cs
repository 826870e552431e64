using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// (4) Propagation on the real Ganeti test cluster: the service (SQLite, configured like
/// <c>appsettings.GanetiTest.json</c>) runs a few instances; they are stopped and started one job at a
/// time. After each call DescribeInstances is polled back to back until the new state shows; the job
/// is the one new job on the cluster, and the lag is that moment minus the job's <c>end_ts</c>.
/// The instances are terminated at the end, also after a failure.
/// </summary>
public sealed class PropagationPath(RunDirectory run, BenchPlan plan, Action<string> log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public async Task<PropagationResult> MeasureAsync(GanetiCluster cluster, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string> { ["Cyclades:DataDirectory"] = run.Subdirectory("data-ganeti") };
        foreach (var (key, value) in cluster.ServiceSettings().Concat(FleetUsers.BootstrapSettings()))
        {
            settings[key] = value;
        }
        await using var service = await ServiceProcess.StartAsync(run, "service-ganeti", settings, cancellationToken, environmentName: "GanetiTest");
        using var client = Ec2Clients.For(service.Endpoint, FleetUsers.Writer);
        using var rapi = cluster.CreateRapiClient();

        var launched = await client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = WritePath.ImageId,
            InstanceType = WritePath.InstanceType,
            MinCount = plan.PropagationInstances,
            MaxCount = plan.PropagationInstances,
        }, cancellationToken);
        var instances = launched.Reservation.Instances.Select(i => i.InstanceId).ToList();
        try
        {
            foreach (var id in instances)
            {
                await WaitForStateAsync(client, id, "running", cancellationToken);
            }
            // A stop and start first, not counted: the service's first calls include JIT compilation.
            await CycleAsync(client, rapi, instances[0], "stopped", cancellationToken);
            await CycleAsync(client, rapi, instances[0], "running", cancellationToken);

            var lags = new Latencies();
            for (var job = 0; job < plan.PropagationJobs; job++)
            {
                var id = instances[job / 2 % instances.Count];
                lags.Add(await CycleAsync(client, rapi, id, job % 2 == 0 ? "stopped" : "running", cancellationToken));
            }
            log($"Propagation: p50 {lags.Percentile(50):0.0} ms, p99 {lags.Percentile(99):0.0} ms over {lags.Count} jobs");
            return new PropagationResult(lags.Count, lags.Percentile(50), lags.Percentile(99), lags.Percentile(100));
        }
        finally
        {
            await TerminateAsync(client, instances);
        }
    }

    /// <summary>Stops or starts the instance; returns the lag from the job's end to the state being visible.</summary>
    private static async Task<TimeSpan> CycleAsync(AmazonEC2Client client, HttpClient rapi, string id, string target, CancellationToken cancellationToken)
    {
        var before = await GanetiCluster.JobIdsAsync(rapi, cancellationToken);
        if (target == "stopped")
        {
            await client.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }, cancellationToken);
        }
        else
        {
            await client.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] }, cancellationToken);
        }
        var visible = await WaitForStateAsync(client, id, target, cancellationToken);
        var jobs = (await GanetiCluster.JobIdsAsync(rapi, cancellationToken)).Except(before).ToList();
        if (jobs.Count != 1)
        {
            throw new BenchException($"Expected one new Ganeti job for {id} → {target}, found {jobs.Count}: is something else using the cluster?");
        }
        var (summary, ended) = await GanetiCluster.JobAsync(rapi, jobs[0], cancellationToken);
        return ended is { } end
            ? visible - end
            : throw new BenchException($"Job {jobs[0]} ({summary}) has not ended, yet {id} shows {target}.");
    }

    /// <summary>Polls DescribeInstances back to back; returns when the answer showing <paramref name="state"/> arrived.</summary>
    private static async Task<DateTimeOffset> WaitForStateAsync(AmazonEC2Client client, string id, string state, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var answer = await client.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] }, cancellationToken);
            var arrived = DateTimeOffset.UtcNow;
            var current = answer.Reservations.Single().Instances.Single().State.Name.Value;
            if (current == state)
            {
                return arrived;
            }
            if (current == "terminated" || DateTime.UtcNow > deadline)
            {
                throw new BenchException($"{id} is {current}, still not {state}.");
            }
        }
    }

    private async Task TerminateAsync(AmazonEC2Client client, IReadOnlyList<string> instances)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = instances.ToList() }, timeout.Token);
            foreach (var id in instances)
            {
                await WaitForStateAsync(client, id, "terminated", timeout.Token);
            }
        }
        catch (Exception e) when (e is AmazonEC2Exception or BenchException or OperationCanceledException)
        {
            log($"Propagation: could not terminate {string.Join(", ", instances)} on the cluster: {e.Message}");
        }
    }
}
