using Cyclades.Logic.Backends;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Admin;

/// <summary>Backends an operator adds outlive the start-up sync, which still disables configured ones no longer configured.</summary>
public sealed class BackendAdministrationTests(DatabaseProvider provider) : LogicTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task An_added_backend_survives_the_sync_drained_and_with_its_password_encrypted()
    {
        var added = await Logic.Backends.AddAsync(
            new BackendDefinition { Name = "zone-c", Url = "https://127.0.0.1:6080", User = "rapi", Password = "rapi-secret", Subnet = "10.7.0.0/24" }, None);
        Assert.That((added.Origin, added.Enabled, added.Drained, added.NetworkCidr), Is.EqualTo((DefinitionOrigin.Admin, true, false, "10.7.0.0/24")));
        await Logic.Backends.SetDrainedAsync("zone-c", true, None);

        await Logic.Backends.SyncAsync([ZoneA()], None);

        var backends = await Logic.Backends.ListAsync(None);
        Assert.That(backends.Select(b => (b.Name, b.Enabled, b.Drained, b.Origin)), Is.EqualTo(new[]
        {
            (LogicHarness.ZoneA, true, false, DefinitionOrigin.Config),
            ("zone-c", true, true, DefinitionOrigin.Admin),
        }));
        var stored = await Logic.QuerySqlAsync<string>("SELECT password_protected FROM backends WHERE name = 'zone-c'");
        Assert.That(stored, Does.Not.Contain("rapi-secret"));
    }

    [Test]
    public async Task Configuration_takes_over_a_name_it_defines_and_then_manages_it()
    {
        await Logic.Backends.AddAsync(new BackendDefinition { Name = "zone-c", Simulated = true }, None);

        await Logic.Backends.SyncAsync([ZoneA(), new BackendDefinition { Name = "zone-c", Url = "https://127.0.0.1:7080" }], None);
        Assert.That((await Logic.Backends.FindAsync("zone-c", None))!.Origin, Is.EqualTo(DefinitionOrigin.Config));

        await Logic.Backends.SyncAsync([ZoneA()], None);
        Assert.That((await Logic.Backends.FindAsync("zone-c", None))!.Enabled, Is.False);
    }

    [Test]
    public async Task A_duplicate_or_invalid_backend_is_refused()
    {
        Assert.That((await Assert.ThrowsAsync<DefinitionException>(() =>
            Logic.Backends.AddAsync(new BackendDefinition { Name = LogicHarness.ZoneA, Simulated = true }, None)))!.Message, Does.Contain("already exists"));
        Assert.That((await Assert.ThrowsAsync<DefinitionException>(() =>
            Logic.Backends.AddAsync(new BackendDefinition { Name = "zone-d", Simulated = true, Subnet = "10.0.0.1/16" }, None)))!.Message,
            Does.Contain("Subnet has host bits set"));
        await Assert.ThrowsAsync<BackendNotFoundException>(() => Logic.Backends.SetDrainedAsync("zone-x", true, None));
    }

    private static BackendDefinition ZoneA() => new()
    {
        Name = LogicHarness.ZoneA, Url = "https://127.0.0.1:5080", User = "gnt-test", Password = "gnt-test-pass", Subnet = "10.9.0.0/24",
    };
}
