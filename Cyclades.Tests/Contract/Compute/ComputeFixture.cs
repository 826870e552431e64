using Amazon.EC2;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>A fixture with one <see cref="ComputeHost"/> for all its tests and an AWSSDK.EC2 client for Alice.</summary>
[Category("Contract")]
public abstract class ComputeFixture
{
    protected Ec2ApiHost Host { get; private set; } = null!;

    protected AmazonEC2Client Alice { get; private set; } = null!;

    /// <summary>Settings on top of <see cref="ComputeHost"/>'s.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Host = await ComputeHost.StartAsync(Settings);
        Alice = Host.CreateClient(TestUser.Alice);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        Alice?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
