using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Admin.Support;

/// <summary>
/// One database (SQLite or MariaDB) and the settings the service and the admin command line share:
/// that database, a secrets key and two simulated Ganeti clusters, <see cref="ZoneA"/> and <see cref="ZoneB"/>.
/// </summary>
public sealed class AdminEnvironment : IAsyncDisposable
{
    public const string ZoneA = "zone-a";
    public const string ZoneB = "zone-b";

    private AdminEnvironment(TestDatabase database, string directory)
    {
        Database = database;
        Directory = directory;
        Settings = new Dictionary<string, string?>
        {
            ["Cyclades:DataDirectory"] = Path.Combine(directory, "data"),
            ["Cyclades:Database:Provider"] = database.Target.Provider.ToString(),
            ["Cyclades:Database:ConnectionString"] = database.Target.ConnectionString,
            ["Cyclades:Secrets:Key"] = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray()),
            ["Cyclades:Ganeti:Clusters:0:Name"] = ZoneA,
            ["Cyclades:Ganeti:Clusters:0:Simulated"] = "true",
            ["Cyclades:Ganeti:Clusters:0:Subnet"] = "10.1.0.0/16",
            ["Cyclades:Ganeti:Clusters:1:Name"] = ZoneB,
            ["Cyclades:Ganeti:Clusters:1:Simulated"] = "true",
            ["Cyclades:Ganeti:Clusters:1:Subnet"] = "10.2.0.0/16",
            ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = "50",
        };
        Cli = new AdminCli(Settings, directory);
    }

    public TestDatabase Database { get; }

    public string Directory { get; }

    public Dictionary<string, string?> Settings { get; }

    public AdminCli Cli { get; }

    public static async Task<AdminEnvironment> CreateAsync(DatabaseProvider provider) =>
        new(await TestDatabase.CreateAsync(provider, migrate: false), System.IO.Directory.CreateTempSubdirectory("cyclades-admin-").FullName);

    public Task<Ec2ApiHost> StartHostAsync() => Ec2ApiHost.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a pooled SQLite connection may still hold a file; it is under the temp directory
        }
    }
}
