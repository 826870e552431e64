using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Walkthrough;

/// <summary>
/// A host on the real test cluster (<see cref="GanetiTestSettings"/>) with an instance-name prefix of its own;
/// disposed, it also removes the cluster's instances with that prefix (what a failed test left behind).
/// </summary>
public sealed class GanetiTestHost : IAsyncDisposable
{
    private GanetiTestHost(Ec2ApiHost host, string prefix)
    {
        Host = host;
        Prefix = prefix;
    }

    public Ec2ApiHost Host { get; }

    public string Prefix { get; }

    /// <param name="stem">The start of the prefix (a few letters naming the fixture); a random part follows.</param>
    /// <param name="settings">Settings laid over the test cluster's.</param>
    public static async Task<GanetiTestHost> StartAsync(string stem, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var prefix = stem + Guid.NewGuid().ToString("N")[..8];
        var all = GanetiTestSettings.For(GanetiTestCluster.Instance, prefix);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return new GanetiTestHost(await Ec2ApiHost.StartAsync(all, environment: GanetiTestSettings.Environment), prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await GanetiTestCluster.Instance.RemoveInstancesWithPrefixAsync(Prefix);
    }
}
