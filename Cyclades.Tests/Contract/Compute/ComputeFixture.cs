using Amazon.EC2;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// A fixture with one <see cref="ComputeHost"/> for all its tests and an AWSSDK.EC2 client for Alice; a derived fixture
/// with a constructor taking the <see cref="DatabaseProvider"/> runs on SQLite and on MariaDB.
/// </summary>
[Category("Contract")]
[OnBothDatabases]
public abstract class ComputeFixture(DatabaseProvider provider = DatabaseProvider.Sqlite)
{
    protected Ec2ApiHost Host { get; private set; } = null!;

    protected AmazonEC2Client Alice { get; private set; } = null!;

    /// <summary>Settings on top of <see cref="ComputeHost"/>'s.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Host = await ComputeHost.StartAsync(Settings, provider);
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
