using Cyclades.Logic;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Logic;

/// <summary>Options are validated at start-up with messages that name the key.</summary>
[Category("Unit")]
public sealed class LogicRegistrationTests
{
    [TestCase("Cyclades:Quotas:Default:Vms", "-1", "Cyclades:Quotas:Default:Vms must be ≥ 0")]
    [TestCase("Cyclades:Quotas:Default:RamMiB", "-5", "Cyclades:Quotas:Default:RamMiB must be ≥ 0")]
    [TestCase("Cyclades:Servers:InstanceNamePrefix", "Snf-", "Cyclades:Servers:InstanceNamePrefix must be")]
    [TestCase("Cyclades:Flavors:0:Cpu", "0", "Cyclades:Flavors:0:Cpu must be ≥ 1")]
    [TestCase("Cyclades:Flavors:1:Name", "c2.r1.d20", "Cyclades:Flavors:1:Name 'c2.r1.d20' is used by an earlier flavor")]
    [TestCase("Cyclades:Images:0:Os", "", "Cyclades:Images:0:Os is required")]
    public void A_bad_setting_fails_start_up_naming_its_key(string key, string value, string message)
    {
        using var services = Build(new() { [key] = value });

        var validator = services.GetRequiredService<IStartupValidator>();

        Assert.That(() => validator.Validate(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(message));
    }

    [Test]
    public void Valid_settings_pass_and_defaults_fill_what_is_not_configured()
    {
        using var services = Build([], withCatalog: false);

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.That(services.GetRequiredService<IOptions<CatalogOptions>>().Value.Flavors.Select(f => f.Name), Does.Contain("t2.micro"));
        Assert.That(services.GetRequiredService<IOptions<ServerOptions>>().Value.InstanceNamePrefix, Is.EqualTo("snf"));
        Assert.That(services.GetRequiredService<IOptions<QuotaOptions>>().Value.Default.LimitOf(QuotaResource.Ram), Is.EqualTo(256L << 30));
    }

    [Test]
    public void The_instance_name_prefix_is_configurable()
    {
        using var services = Build(new() { ["Cyclades:Servers:InstanceNamePrefix"] = "cyc" });
        var names = services.GetRequiredService<InstanceNames>();

        Assert.That(names.For(42), Is.EqualTo("cyc-42"));
        Assert.That(names.TryParse("cyc-42", out var id) && id == 42, Is.True);
        Assert.That(names.TryParse("snf-42", out _), Is.False);
        Assert.That(names.TryParse("cyc-", out _), Is.False);
        Assert.That(names.TryParse("cyc-99999999999999999999", out _), Is.False);
    }

    [Test]
    public void A_volume_keepers_name_is_never_a_servers()
    {
        using var services = Build(new() { ["Cyclades:Servers:InstanceNamePrefix"] = "cyc" });
        var names = services.GetRequiredService<InstanceNames>();

        Assert.That(names.ForKeeper(7), Is.EqualTo("cyc-keeper-7"));
        Assert.That(names.TryParseKeeper("cyc-keeper-7", out var id) && id == 7, Is.True);
        Assert.That((names.TryParse("cyc-keeper-7", out _), names.TryParseKeeper("cyc-7", out _), names.TryParseKeeper("snf-keeper-7", out _)),
            Is.EqualTo((false, false, false)));
        Assert.That((names.IsOurs("cyc-7"), names.IsOurs("cyc-keeper-7"), names.IsOurs("other-7")), Is.EqualTo((true, true, false)));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool withCatalog = true)
    {
        var baseline = new Dictionary<string, string?> { ["Cyclades:Database:ConnectionString"] = "Data Source=:memory:" };
        if (withCatalog)
        {
            foreach (var (key, value) in LogicHarness.CatalogAndBackends)
            {
                baseline[key] = value;
            }
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(baseline).AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IClusterDriverFactory>(new RecordingClusterDriverFactory())
            .AddCycladesLogic()
            .BuildServiceProvider();
    }
}
