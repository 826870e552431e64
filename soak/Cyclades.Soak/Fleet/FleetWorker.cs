using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Cyclades.Soak.Nodes;

namespace Cyclades.Soak.Fleet;

/// <summary>
/// One client of the fleet, a user of its own: looks at its instances, then launches, stops, starts,
/// resizes or terminates one, at random but as the instance's state allows (a pending one is
/// sometimes terminated too), until the run ends.
/// </summary>
public sealed class FleetWorker(SoakUser user, SoakClients clients, SoakPlan plan, Figures figures, IReadOnlyList<string> instanceTypes, int seed)
{
    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped", "shutting-down"];
    private readonly Random _random = new(seed);

    public async Task RunAsync(Func<bool> moreOperations, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && moreOperations())
        {
            var (client, _) = clients.Any(user, _random);
            try
            {
                await StepAsync(client, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            await Task.Delay(_random.Next(10, 100), CancellationToken.None);
        }
    }

    private async Task StepAsync(AmazonEC2Client client, CancellationToken cancellationToken)
    {
        var instances = await Call("DescribeInstances", read: true, async () =>
            (await client.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [new Filter("instance-state-name", [.. LiveStates])],
            }, cancellationToken)).Reservations?.SelectMany(r => r.Instances ?? []).ToList() ?? []);
        if (instances is null)
        {
            return;
        }
        if (instances.Count > plan.InstancesPerUser)
        {
            await TerminateAsync(client, Pick(instances), cancellationToken);
            return;
        }
        if (instances.Count < plan.InstancesPerUser && (instances.Count == 0 || _random.NextDouble() < 0.3))
        {
            await Call("RunInstances", read: false, () => client.RunInstancesAsync(new RunInstancesRequest
            {
                ImageId = "ami-00000001",
                InstanceType = instanceTypes[_random.Next(instanceTypes.Count)],
                MinCount = 1,
                MaxCount = _random.Next(1, 3),
                ClientToken = Guid.NewGuid().ToString("N"),
            }, cancellationToken));
            return;
        }
        var instance = Pick(instances);
        var chance = _random.NextDouble();
        switch (instance.State.Name.Value)
        {
            case "running" when chance < 0.65:
                await Call("StopInstances", read: false, () => client.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] }, cancellationToken));
                break;
            case "running":
                await TerminateAsync(client, instance, cancellationToken);
                break;
            case "stopped" when chance < 0.45:
                await Call("StartInstances", read: false, () => client.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instance.InstanceId] }, cancellationToken));
                break;
            case "stopped" when chance < 0.8:
                var other = instanceTypes.Where(t => t != instance.InstanceType.Value).ToList();
                await Call("ModifyInstanceAttribute", read: false, () => client.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest
                {
                    InstanceId = instance.InstanceId,
                    InstanceType = other[_random.Next(other.Count)],
                }, cancellationToken));
                break;
            case "stopped":
                await TerminateAsync(client, instance, cancellationToken);
                break;
            case "pending" or "stopping" when chance < 0.15:
                await TerminateAsync(client, instance, cancellationToken);
                break;
        }
    }

    private Task TerminateAsync(AmazonEC2Client client, Instance instance, CancellationToken cancellationToken) =>
        Call("TerminateInstances", read: false, () => client.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] }, cancellationToken));

    private Instance Pick(List<Instance> instances) => instances[_random.Next(instances.Count)];

    /// <summary>Runs one EC2 call; counts it, and what it failed with (after the SDK's retries). Null when it failed.</summary>
    private async Task<T?> Call<T>(string action, bool read, Func<Task<T>> call) where T : class
    {
        try
        {
            var result = await call();
            Count(action, read, succeeded: true);
            return result;
        }
        catch (AmazonServiceException e) when (e.StatusCode != 0)
        {
            figures.Error(action, $"{e.ErrorCode ?? "?"}({(int)e.StatusCode})");
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or HttpRequestException or IOException
                                      || (e is TaskCanceledException && e.InnerException is TimeoutException))
        {
            figures.Error(action, "no answer");
        }
        Count(action, read, succeeded: false);
        return null;
    }

    private void Count(string action, bool read, bool succeeded)
    {
        if (read)
        {
            figures.Read();
        }
        else
        {
            figures.Operation(action, succeeded);
        }
    }
}
