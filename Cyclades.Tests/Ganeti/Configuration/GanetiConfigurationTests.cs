using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Ganeti.Configuration;

[Category("Unit")]
public sealed class GanetiConfigurationTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
        return new ServiceCollection().AddCycladesGaneti(configuration).BuildServiceProvider();
    }

    [Test]
    public void With_no_cluster_configured_the_embedded_default_is_one_simulated_cluster()
    {
        using var services = Services();

        var options = services.GetRequiredService<IOptions<GanetiOptions>>().Value;

        Assert.That(options.Clusters.Select(c => (c.Name, c.Simulated)), Is.EqualTo(new[] { ("simulated", true) }));
        Assert.That(options.Simulator.JobLatencyMs, Is.EqualTo(300));
        Assert.That(services.GetRequiredService<IClusterDriverFactory>(), Is.TypeOf<GanetiClusterDriverFactory>());
    }

    [Test]
    public void Clusters_and_simulator_settings_are_bound_from_Cyclades_Ganeti()
    {
        using var services = Services(
            ("Cyclades:Ganeti:Clusters:0:Name", "ganeti-test"),
            ("Cyclades:Ganeti:Clusters:0:Url", "https://127.0.0.1:5080"),
            ("Cyclades:Ganeti:Clusters:0:User", "gnt-test"),
            ("Cyclades:Ganeti:Clusters:0:Password", "gnt-test-pass"),
            ("Cyclades:Ganeti:Clusters:0:InsecureSkipTlsVerify", "true"),
            ("Cyclades:Ganeti:Clusters:0:Hypervisor", "fake"),
            ("Cyclades:Ganeti:Clusters:0:PrimaryNode", "node1.ganeti.test"),
            ("Cyclades:Ganeti:Clusters:0:Network", "snf-test-net"),
            ("Cyclades:Ganeti:Clusters:1:Name", "lab"),
            ("Cyclades:Ganeti:Clusters:1:Simulated", "true"),
            ("Cyclades:Ganeti:Simulator:JobLatencyMs", "0"));

        var options = services.GetRequiredService<IOptions<GanetiOptions>>().Value;

        var test = options.Clusters[0];
        Assert.That((test.Name, test.Url, test.User, test.Password, test.InsecureSkipTlsVerify, test.Hypervisor, test.PrimaryNode, test.Network),
            Is.EqualTo(("ganeti-test", "https://127.0.0.1:5080", "gnt-test", "gnt-test-pass", true, "fake", "node1.ganeti.test", "snf-test-net")));
        Assert.That(test.ToEndpoint(), Is.EqualTo(new BackendEndpoint("https://127.0.0.1:5080", "gnt-test", "gnt-test-pass", true, null, false)));
        Assert.That(options.Clusters[1].Simulated, Is.True);
        Assert.That(options.Simulator.JobLatencyMs, Is.Zero);
    }

    [Test]
    public void Every_bad_setting_is_reported_with_its_key()
    {
        using var services = Services(
            ("Cyclades:Ganeti:Clusters:0:Name", "a"),
            ("Cyclades:Ganeti:Clusters:0:Url", "http://127.0.0.1:5080"),
            ("Cyclades:Ganeti:Clusters:0:User", "only-user"),
            ("Cyclades:Ganeti:Clusters:0:CertificateFingerprint", "AB:CD"),
            ("Cyclades:Ganeti:Clusters:1:Name", "a"),
            ("Cyclades:Ganeti:Clusters:1:Simulated", "true"),
            ("Cyclades:Ganeti:RequestTimeoutMs", "5000"),
            ("Cyclades:Ganeti:Simulator:JobLatencyMs", "-1"));

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<GanetiOptions>>().Value);

        Assert.That(error!.Failures, Is.EquivalentTo(new[]
        {
            "Cyclades:Ganeti:Clusters:0:Url must be the absolute https:// URL of the cluster's RAPI (or set Cyclades:Ganeti:Clusters:0:Simulated to true)",
            "Cyclades:Ganeti:Clusters:0:User and Cyclades:Ganeti:Clusters:0:Password go together",
            "Cyclades:Ganeti:Clusters:0:CertificateFingerprint must be a SHA-256 fingerprint: 64 hex digits (colons allowed)",
            "Cyclades:Ganeti:Clusters: the name 'a' is used 2 times; cluster names must be unique",
            "Cyclades:Ganeti:RequestTimeoutMs must be more than 10000 (Ganeti's job-wait long poll lasts up to 10 s)",
            "Cyclades:Ganeti:Simulator:JobLatencyMs must be between 0 and 600000",
            "Cyclades:Ganeti:Simulator:JobWaitTimeoutMs must be between 1 and 4999",
        }));
    }

    [Test]
    public void A_misspelt_key_stops_the_start()
    {
        using var services = Services(("Cyclades:Ganeti:Simulator:JobLatencyMillis", "5"));

        var error = Assert.Throws<InvalidOperationException>(() => _ = services.GetRequiredService<IOptions<GanetiOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("JobLatencyMillis"));
    }

    [Test]
    public async Task Drivers_of_one_simulated_backend_share_its_cluster()
    {
        using var services = Services(("Cyclades:Ganeti:Simulator:JobLatencyMs", "0"));
        var factory = services.GetRequiredService<IClusterDriverFactory>();
        var endpoint = services.GetRequiredService<IOptions<GanetiOptions>>().Value.Clusters[0].ToEndpoint();

        var first = factory.Create("simulated", endpoint);
        await first.StartServerAsync("snf-1", CancellationToken.None);
        var second = factory.Create("simulated", endpoint with { });
        var other = factory.Create("other", endpoint);

        Assert.That(second, Is.SameAs(first));
        Assert.That(await second.GetJobAsync(1, CancellationToken.None), Is.Not.Null);
        Assert.That(await other.GetJobAsync(1, CancellationToken.None), Is.Null);
        var registry = services.GetRequiredService<SimulatedClusterRegistry>();
        Assert.That(registry.GetOrCreate("simulated").FindJob(1), Is.Not.Null, "the registry hands out the same cluster, for outside-the-API actions");
        Assert.That((await first.GetInfoAsync(CancellationToken.None)).Name, Is.EqualTo("simulated"));
    }

    [Test]
    public void A_real_backend_needs_an_https_RAPI_address()
    {
        using var services = Services();
        var factory = services.GetRequiredService<IClusterDriverFactory>();

        Assert.Throws<ArgumentException>(() => factory.Create("x", new BackendEndpoint("ftp://nowhere", null, null, false, null, false)));
        Assert.That(factory.Create("x", new BackendEndpoint("https://127.0.0.1:1", "u", "p", true, null, false)), Is.Not.Null);
    }
}
