using System.Net;
using System.Text.Json;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Admin.Support;
using Cyclades.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Operations;

/// <summary><c>/healthz</c> and <c>/readyz</c> on SQLite and MariaDB: JSON, no signature, a stopped cluster or a pending migration is not ready.</summary>
[Category("Contract")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class HealthEndpointTests(DatabaseProvider provider)
{
    private readonly HttpClient _http = new();
    private AdminEnvironment _environment = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _environment = await AdminEnvironment.CreateAsync(provider);

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        _http.Dispose();
        await _environment.DisposeAsync();
    }

    [Test]
    public async Task A_stopped_cluster_makes_the_service_not_ready_naming_the_cluster_while_it_stays_alive()
    {
        await using var host = await StartHostAsync();
        var (status, ready) = await GetAsync(host, "/readyz");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), ready.ToString());
        Assert.That(Check(ready, "database").GetProperty("status").GetString(), Is.EqualTo("healthy"));
        Assert.That(Clusters(ready), Is.EqualTo(new Dictionary<string, string> { [AdminEnvironment.ZoneA] = "healthy", [AdminEnvironment.ZoneB] = "healthy" }));

        var zoneB = host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate(AdminEnvironment.ZoneB);
        zoneB.Stop();
        try
        {
            (status, ready) = await GetAsync(host, "/readyz");
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(ready.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(Clusters(ready), Is.EqualTo(new Dictionary<string, string> { [AdminEnvironment.ZoneA] = "healthy", [AdminEnvironment.ZoneB] = "unhealthy" }));
            var stopped = Check(ready, "ganeti").GetProperty("details").GetProperty("clusters").EnumerateArray()
                .Single(c => c.GetProperty("name").GetString() == AdminEnvironment.ZoneB);
            Assert.That(stopped.GetProperty("error").GetString(), Does.Contain("unavailable"));

            var (liveStatus, live) = await GetAsync(host, "/healthz");
            Assert.That((liveStatus, live.GetProperty("status").GetString()), Is.EqualTo((HttpStatusCode.OK, "healthy")));
        }
        finally
        {
            zoneB.Start();
        }
        Assert.That((await GetAsync(host, "/readyz")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_pending_migration_makes_the_service_not_ready()
    {
        await using var host = await StartHostAsync();
        // As if another node had not yet run the newest migration: its record is gone.
        var newest = await SqlAsync(db => db.QuerySingleAsync<VersionRow>(
            "SELECT Version, AppliedOn, Description FROM VersionInfo ORDER BY Version DESC LIMIT 1"));
        await SqlAsync(db => db.ExecuteAsync("DELETE FROM VersionInfo WHERE Version = @Version", new { newest.Version }));
        try
        {
            var (status, ready) = await GetAsync(host, "/readyz");

            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), ready.ToString());
            Assert.That(Check(ready, "database").GetProperty("description").GetString(), Does.Contain("migrations are pending"));
            Assert.That(await _environment.Cli.FailsAsync("servers", "list"), Does.Contain("schema is not up to date"));
        }
        finally
        {
            await SqlAsync(db => db.ExecuteAsync(
                "INSERT INTO VersionInfo (Version, AppliedOn, Description) VALUES (@Version, @AppliedOn, @Description)", newest));
        }
        Assert.That((await GetAsync(host, "/readyz")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    // Each change must show on the next request: no answer served from the last probe.
    private Task<Ec2ApiHost> StartHostAsync() =>
        Ec2ApiHost.StartAsync(new Dictionary<string, string?>(_environment.Settings) { ["Cyclades:Health:CacheSeconds"] = "0" });

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(Ec2ApiHost host, string path)
    {
        using var response = await _http.GetAsync(new Uri(host.Endpoint, path));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private sealed record VersionRow
    {
        public long Version { get; init; }

        public DateTime? AppliedOn { get; init; }

        public string? Description { get; init; }
    }

    private Task<T> SqlAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> work) =>
        _environment.Database.Connections.ReadAsync(db => work(db.Connection), CancellationToken.None);

    private static JsonElement Check(JsonElement report, string name) =>
        report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static Dictionary<string, string> Clusters(JsonElement report) =>
        Check(report, "ganeti").GetProperty("details").GetProperty("clusters").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
}
