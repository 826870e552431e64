using Cyclades.Tests.Dispatch.Support;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>Short hands for the compute contract tests, over the real AWSSDK.EC2 client.</summary>
public static class Ec2ClientExtensions
{
    public static async Task<Reservation> RunAsync(this IAmazonEC2 client, int count = 1, string type = ComputeHost.Type,
        string image = ComputeHost.Image, Action<RunInstancesRequest>? configure = null)
    {
        var request = new RunInstancesRequest { ImageId = image, InstanceType = type, MinCount = count, MaxCount = count };
        configure?.Invoke(request);
        return (await client.RunInstancesAsync(request)).Reservation;
    }

    public static async Task<List<string>> RunIdsAsync(this IAmazonEC2 client, int count = 1, string type = ComputeHost.Type) =>
        (await client.RunAsync(count, type)).Instances.Select(i => i.InstanceId).ToList();

    public static async Task<List<Instance>> DescribeAsync(this IAmazonEC2 client, IEnumerable<string> ids) =>
        (await client.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ids.ToList() })).Reservations
            .SelectMany(r => r.Instances).ToList();

    public static async Task<Instance> DescribeOneAsync(this IAmazonEC2 client, string id) => (await client.DescribeAsync([id])).Single();

    /// <summary>Every instance matching the filters, following NextToken.</summary>
    public static async Task<List<Instance>> ListAsync(this IAmazonEC2 client, params Filter[] filters)
    {
        var all = new List<Instance>();
        await foreach (var reservation in client.Paginators.DescribeInstances(new DescribeInstancesRequest { Filters = filters.ToList() }).Reservations)
        {
            all.AddRange(reservation.Instances);
        }
        return all;
    }

    /// <summary>Polls (as a waiter would, but every 100 ms) until every instance is in <paramref name="state"/>.</summary>
    public static async Task<List<Instance>> WaitForAsync(this IAmazonEC2 client, string state, IReadOnlyCollection<string> ids)
    {
        List<Instance> instances = [];
        await Eventually.HoldsAsync(async () => (instances = await client.DescribeAsync(ids)).All(i => i.State.Name == state),
            () => $"all {state}: {string.Join(", ", instances.Select(i => $"{i.InstanceId}={i.State.Name}"))}",
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        return instances;
    }

    public static Task<List<Instance>> WaitForAsync(this IAmazonEC2 client, string state, params string[] ids) =>
        client.WaitForAsync(state, (IReadOnlyCollection<string>)ids);

    /// <summary>Runs instances and waits until they run.</summary>
    public static async Task<List<string>> RunningAsync(this IAmazonEC2 client, int count = 1, string type = ComputeHost.Type)
    {
        var ids = await client.RunIdsAsync(count, type);
        await client.WaitForAsync("running", ids);
        return ids;
    }

    public static async Task<List<string>> StoppedAsync(this IAmazonEC2 client, int count = 1, string type = ComputeHost.Type)
    {
        var ids = await client.RunningAsync(count, type);
        await client.StopInstancesAsync(new StopInstancesRequest { InstanceIds = ids });
        await client.WaitForAsync("stopped", ids);
        return ids;
    }

    /// <summary>The EC2 error an action fails with.</summary>
    public static async Task<AmazonEC2Exception> FailsAsync<T>(Func<Task<T>> call) =>
        (await Assert.ThrowsAsync<AmazonEC2Exception>(async () => await call()))!;
}
