using System.Diagnostics;
using Amazon.EC2.Model;
using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// (2) The write path: workers that each, in a loop, launch one instance with RunInstances (AWSSDK.EC2,
/// its own ClientToken per call), poll DescribeInstances for it until it is running (the simulated
/// cluster at zero job latency: what is measured is the service and the dispatcher), and terminate it.
/// </summary>
public sealed class WritePath(BenchPlan plan)
{
    public const string ImageId = "ami-00000001";
    public const string InstanceType = "t2.nano";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    public async Task<LaunchCycles> MeasureAsync(ServiceProcess service, CancellationToken cancellationToken)
    {
        using var client = Ec2Clients.For(service.Endpoint, FleetUsers.Writer);
        var cycles = new Latencies();
        var runs = new Latencies();
        var terminates = new Latencies();
        // One cycle first, so that a failure shows before the clock runs.
        await CycleAsync(client, new Latencies(), new Latencies(), new Latencies(), cancellationToken);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, plan.WriteConcurrency).Select(async _ =>
        {
            while (clock.Elapsed < plan.WriteDuration)
            {
                await CycleAsync(client, cycles, runs, terminates, cancellationToken);
            }
        }));
        clock.Stop();
        return new LaunchCycles(cycles, runs, terminates, clock.Elapsed);
    }

    private static async Task CycleAsync(
        Amazon.EC2.AmazonEC2Client client, Latencies cycles, Latencies runs, Latencies terminates, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var launched = await client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = ImageId,
            InstanceType = InstanceType,
            MinCount = 1,
            MaxCount = 1,
        }, cancellationToken);
        runs.Add(Stopwatch.GetElapsedTime(started));
        var instanceId = launched.Reservation.Instances.Single().InstanceId;
        await WaitUntilRunningAsync(client, instanceId, cancellationToken);

        var terminating = Stopwatch.GetTimestamp();
        var terminated = await client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);
        if (terminated.TerminatingInstances.Single().InstanceId != instanceId)
        {
            throw new BenchException($"TerminateInstances answered for another instance than {instanceId}.");
        }
        terminates.Add(Stopwatch.GetElapsedTime(terminating));
        cycles.Add(Stopwatch.GetElapsedTime(started));
    }

    private static async Task WaitUntilRunningAsync(Amazon.EC2.AmazonEC2Client client, string instanceId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await client.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);
            var state = answer.Reservations.Single().Instances.Single().State.Name.Value;
            if (state == "running")
            {
                return;
            }
            if (state != "pending" || DateTime.UtcNow > deadline)
            {
                throw new BenchException($"{instanceId} went {state} instead of running.");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}

public sealed record LaunchCycles(Latencies Cycles, Latencies RunInstances, Latencies Terminates, TimeSpan Elapsed)
{
    public double PerSecond => Cycles.Count / Elapsed.TotalSeconds;
}
