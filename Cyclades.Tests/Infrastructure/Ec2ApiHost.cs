using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using Cyclades.Logic.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// The real EC2 host for contract tests: the actual <c>Program</c> composition (WebApplicationFactory
/// running Program.cs) on Kestrel at a free 127.0.0.1 port, with a temporary data directory (SQLite),
/// and <see cref="TestUser.Alice"/> and <see cref="TestUser.Bob"/> bootstrapped through configuration.
/// Start one per fixture (<c>[OneTimeSetUp]</c>) and dispose it in <c>[OneTimeTearDown]</c>; pass extra
/// settings or service overrides (a fake cluster, a clock) to <see cref="StartAsync"/>.
/// </summary>
public sealed class Ec2ApiHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly TestDatabase? _database;

    private Ec2ApiHost(WebApplicationFactory<Program> factory, Uri endpoint, string dataDirectory, TestDatabase? database)
    {
        _factory = factory;
        _database = database;
        Endpoint = endpoint;
        DataDirectory = dataDirectory;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    public string DataDirectory { get; }

    /// <summary>The host's services, e.g. to inspect state after a request.</summary>
    public IServiceProvider Services => _factory.Services;

    public static readonly IReadOnlyList<TestUser> Users = [TestUser.Alice, TestUser.Bob];

    /// <param name="settings">Extra configuration (wins over the defaults here), e.g. <c>["Cyclades:Ec2:Region"] = "x"</c>.</param>
    /// <param name="configureServices">Service overrides, applied after the application's own registrations.</param>
    /// <param name="environment">The hosting environment, e.g. <c>GanetiTest</c> to load <c>appsettings.GanetiTest.json</c>.</param>
    /// <param name="provider">The database: the embedded SQLite in the data directory, or a fresh database on the test MariaDB.</param>
    public static async Task<Ec2ApiHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null,
        string environment = "Production", DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("cyclades-host-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            ["Cyclades:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var database = provider == DatabaseProvider.MySql ? await TestDatabase.CreateAsync(provider) : null;
        if (database is not null)
        {
            configuration["Cyclades:Database:Provider"] = database.Target.Provider.ToString();
            configuration["Cyclades:Database:ConnectionString"] = database.Target.ConnectionString;
            configuration["Cyclades:Secrets:Key"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        }
        for (var i = 0; i < Users.Count; i++)
        {
            configuration[$"Cyclades:Bootstrap:Users:{i}:Name"] = Users[i].Name;
            configuration[$"Cyclades:Bootstrap:Users:{i}:AccessKeyId"] = Users[i].AccessKeyId;
            configuration[$"Cyclades:Bootstrap:Users:{i}:SecretAccessKey"] = Users[i].SecretAccessKey;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.ConfigureAppConfiguration(config => config.AddInMemoryCollection(configuration));
            if (configureServices is not null)
            {
                web.ConfigureServices(configureServices);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Ec2ApiHost(factory, new Uri(address.TrimEnd('/') + "/"), dataDirectory, database);
    }

    /// <summary>An AWSSDK.EC2 client for <paramref name="user"/>, signing for <paramref name="region"/>, without retries.</summary>
    public AmazonEC2Client CreateClient(TestUser user, string region = "us-east-1") =>
        new(new BasicAWSCredentials(user.AccessKeyId, user.SecretAccessKey), new AmazonEC2Config
        {
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a connection may still hold the file briefly; it is under the temp directory
        }
    }
}
