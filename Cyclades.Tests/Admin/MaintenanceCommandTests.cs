using System.Text.Json;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Admin.Support;
using Dapper;

namespace Cyclades.Tests.Admin;

/// <summary>
/// The admin command line on its own against a database (SQLite and MariaDB): migrate, the
/// reconcile commands (dry run, then --fix) and backends whose cluster does not answer.
/// </summary>
[Category("Contract")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class MaintenanceCommandTests(DatabaseProvider provider)
{
    private AdminEnvironment _environment = null!;

    private AdminCli Cli => _environment.Cli;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _environment = await AdminEnvironment.CreateAsync(provider);
        Assert.That(await Cli.FailsAsync("users", "list"), Does.Contain("the database schema is not up to date: run 'manage migrate'"));
        var migrated = await Cli.SucceedsAsync("migrate");
        Assert.That(migrated.Stdout, Does.Contain("schema is up to date"));
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await _environment.DisposeAsync();

    [Test]
    public async Task Migrate_applies_the_schema_and_the_configuration_and_can_run_again()
    {
        await Cli.SucceedsAsync("migrate");

        var backends = await Cli.JsonAsync("backends", "list");
        Assert.That(backends.EnumerateArray().Select(b => (b.GetProperty("name").GetString(), b.GetProperty("origin").GetString())),
            Is.EqualTo(new[] { (AdminEnvironment.ZoneA, "config"), (AdminEnvironment.ZoneB, "config") }));
        Assert.That((await Cli.SucceedsAsync("flavors", "list")).Stdout, Does.Contain("t2.micro"));
    }

    [Test]
    public async Task Reconcile_quotas_reports_drift_and_fixes_it_with_a_recorded_commission()
    {
        var user = await Cli.JsonAsync("users", "add", "gina");
        var owner = user.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync("INSERT INTO quota_usage (user_id, resource, used) VALUES (@owner, 'cyclades.vm', 3)", new { owner });

        var report = await Cli.JsonAsync("reconcile", "quotas");
        var drift = report.EnumerateArray().Single(d => d.GetProperty("user").GetString() == "gina");
        Assert.That((drift.GetProperty("resource").GetString(), drift.GetProperty("recorded").GetInt64(), drift.GetProperty("computed").GetInt64()),
            Is.EqualTo(("cyclades.vm", 3L, 0L)));
        Assert.That((await Cli.JsonAsync("reconcile", "quotas")).GetArrayLength(), Is.EqualTo(report.GetArrayLength()), "a dry run changes nothing");

        await Cli.SucceedsAsync("reconcile", "quotas", "--fix");

        Assert.That((await Cli.JsonAsync("reconcile", "quotas")).EnumerateArray().Where(d => d.GetProperty("user").GetString() == "gina"), Is.Empty);
        var vms = (await Cli.JsonAsync("quotas", "show", "gina")).EnumerateArray().Single(r => r.GetProperty("resource").GetString() == "cyclades.vm");
        Assert.That(vms.GetProperty("used").GetInt64(), Is.Zero);
    }

    [Test]
    public async Task Reconcile_commissions_rejects_an_orphan_only_with_fix()
    {
        await ExecuteAsync(
            "INSERT INTO commissions (user_id, name, forced, state, created_at) VALUES ('orphan-owner', 'lost', @no, 'PENDING', 1)",
            new { no = false });
        var id = await QueryAsync<long>("SELECT id FROM commissions WHERE user_id = 'orphan-owner'");

        var dryRun = await Cli.JsonAsync("reconcile", "commissions");
        Assert.That(dryRun.EnumerateArray().Select(f => (f.GetProperty("commission").GetInt64(), f.GetProperty("decision").GetString(), f.GetProperty("fixed").GetBoolean())),
            Is.EqualTo(new[] { (id, "reject", false) }));
        Assert.That(await QueryAsync<string>("SELECT state FROM commissions WHERE id = @id", new { id }), Is.EqualTo("PENDING"));

        await Cli.SucceedsAsync("reconcile", "commissions", "--fix");

        Assert.That(await QueryAsync<string>("SELECT state FROM commissions WHERE id = @id", new { id }), Is.EqualTo("REJECTED"));
        Assert.That((await Cli.JsonAsync("reconcile", "commissions")).GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Reconcile_servers_leaves_simulated_clusters_to_the_service()
    {
        var result = await Cli.SucceedsAsync("reconcile", "servers", "--fix");

        Assert.That(result.Stderr, Does.Contain($"skipped backend '{AdminEnvironment.ZoneA}'").And.Contain($"skipped backend '{AdminEnvironment.ZoneB}'"));
        Assert.That(result.Stdout.Trim(), Does.StartWith("BACKEND").And.Not.Contain("\n"), "no findings");
    }

    [Test]
    public async Task A_cluster_that_does_not_answer_is_refused_unless_told_and_then_reported_unreachable()
    {
        Assert.That(await Cli.FailsAsync("backends", "add", "zone-dead", "--url", "https://127.0.0.1:9"), Does.Contain("Ganeti cluster 'zone-dead' is unavailable"));
        Assert.That((await Cli.JsonAsync("backends", "list")).EnumerateArray().Select(b => b.GetProperty("name").GetString()), Does.Not.Contain("zone-dead"));

        var added = await Cli.RunWithInputAsync("rapi-password-123\n",
            "backends", "add", "zone-dead", "--url", "https://127.0.0.1:9", "--user", "rapi", "--password-stdin", "--no-check", "--json");
        Assert.That(added.ExitCode, Is.Zero, added.ToString());
        Assert.That(JsonDocument.Parse(added.Stdout).RootElement.GetProperty("origin").GetString(), Is.EqualTo("admin"));
        Assert.That(await QueryAsync<string>("SELECT password_protected FROM backends WHERE name = 'zone-dead'"), Does.Not.Contain("rapi-password-123"));
        try
        {
            var capacity = await Cli.RunAsync("backends", "capacity", "--json");
            Assert.That(capacity.ExitCode, Is.EqualTo(1), capacity.ToString());
            var rows = JsonDocument.Parse(capacity.Stdout).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
            Assert.That(rows["zone-dead"].GetProperty("status").GetString(), Is.EqualTo("unreachable"));
            Assert.That(rows["zone-dead"].GetProperty("problem").GetString(), Does.Contain("unavailable"));
            Assert.That(rows[AdminEnvironment.ZoneA].GetProperty("status").GetString(), Is.EqualTo("simulated"));

            var reconcile = await Cli.RunAsync("reconcile", "servers", "--backend", "zone-dead");
            Assert.That(reconcile.ExitCode, Is.EqualTo(1), reconcile.ToString());
            Assert.That(reconcile.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1).And.One.Contains("Ganeti cluster 'zone-dead' is unavailable"));
        }
        finally
        {
            await ExecuteAsync("DELETE FROM backends WHERE name = 'zone-dead'");
        }
    }

    private Task ExecuteAsync(string sql, object? parameters = null) =>
        _environment.Database.Connections.ReadAsync(db => db.Connection.ExecuteAsync(sql, parameters), CancellationToken.None);

    private Task<T> QueryAsync<T>(string sql, object? parameters = null) =>
        _environment.Database.Connections.ReadAsync(db => db.Connection.QuerySingleAsync<T>(sql, parameters), CancellationToken.None);
}
