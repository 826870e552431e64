using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Servers;

/// <summary>The task guard across connections: row lock on MariaDB, BEGIN IMMEDIATE on SQLite.</summary>
public sealed class ServerConcurrencyTests(DatabaseProvider provider) : LogicTest(provider)
{
    [Test]
    public async Task Of_32_parallel_actions_on_one_server_exactly_one_wins()
    {
        var server = await Logic.StartedServerAsync();
        var jobsBefore = Logic.Driver.Jobs.Count;
        // A slow cluster keeps the winner inside its transaction while the others arrive.
        Logic.Driver.SubmitDelay = TimeSpan.FromMilliseconds(25);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await (i % 2 == 0
                    ? Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None)
                    : Logic.Commands.RebootAsync(LogicHarness.User, server.Id, RebootKind.Soft, CancellationToken.None));
                return "won";
            }
            catch (PendingTaskException e)
            {
                return $"pending {e.PendingTask}";
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.That(outcomes.Count(o => o == "won"), Is.EqualTo(1));
        var submitted = Logic.Driver.Jobs.Skip(jobsBefore).ToList();
        Assert.That(submitted, Has.Count.EqualTo(1));
        var after = await Logic.ServerAsync(server.Id);
        Assert.That(after.Task!.JobId, Is.EqualTo(submitted[0].Id));
        Assert.That(outcomes.Where(o => o != "won"), Has.All.EqualTo($"pending {after.Task.Action}"));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);

        await Logic.FinishAsync(submitted[0].Id, JobStatus.Success);
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Parallel_launches_of_one_user_never_exceed_the_limit()
    {
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, Cyclades.Logic.Quotas.QuotaResource.Vm, 5, CancellationToken.None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await Logic.LaunchAsync()).Count;
            }
            catch (QuotaExceededException)
            {
                return 0;
            }
        })));

        Assert.That(outcomes.Sum(), Is.EqualTo(5));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Parallel_launches_of_many_users_on_one_backend_get_distinct_addresses()
    {
        var launches = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            Logic.Launches.LaunchAsync(
                new Cyclades.Logic.Launches.LaunchRequest($"user-{i}", LogicHarness.Image, LogicHarness.Small, 2, 2) { IdempotencyKey = $"key-{i}" },
                CancellationToken.None))));

        var addresses = launches.SelectMany(l => l.Servers).Select(s => s.Server.PrivateIp).ToList();
        Assert.That(addresses, Has.Count.EqualTo(24).And.Unique);
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }
}
