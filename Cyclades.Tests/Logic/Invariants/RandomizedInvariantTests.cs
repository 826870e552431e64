using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Events;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Invariants;

/// <summary>
/// Thousands of random commands, job results (ours and an administrator's, late, out of order,
/// duplicated) and failed submissions, reproducible from the seed. After each burst: usage equals a
/// recomputation from the servers and every open commission belongs to a server with a pending
/// task; whenever every job result has been delivered, no server waits for a finished job.
/// </summary>
[TestFixture(DatabaseProvider.MySql, 4000, Category = "MariaDb")]
[TestFixture(DatabaseProvider.Sqlite, 2000)]
[Category("Unit")]
public sealed class RandomizedInvariantTests(DatabaseProvider provider, int steps)
{
    private static readonly string[] Users = ["alice", "bob", "carol"];
    private static readonly string[] Flavors = [LogicHarness.Small, LogicHarness.Large];
    private const long AdminJobIds = 9_000_000;

    private LogicHarness _logic = null!;
    private Random _random = null!;
    private readonly List<long> _servers = [];
    private readonly List<BackendEvent> _outbox = [];
    private readonly List<BackendEvent> _delivered = [];
    private readonly HashSet<long> _finished = [];
    private readonly HashSet<long> _scheduled = [];
    private readonly Dictionary<string, int> _counts = [];
    private long _nextAdminJob = AdminJobIds;

    /// <summary>The seed of the suite, or those listed in <c>CYCLADES_TEST_SEEDS</c> (e.g. <c>1,2,3</c>) to hunt for more.</summary>
    public static IEnumerable<int> Seeds() =>
        Environment.GetEnvironmentVariable("CYCLADES_TEST_SEEDS") is { Length: > 0 } seeds
            ? seeds.Split(',').Select(int.Parse)
            : [20261125];

    [SetUp]
    public async Task SetUp()
    {
        foreach (var list in new System.Collections.IList[] { _servers, _outbox, _delivered })
        {
            list.Clear();
        }
        _finished.Clear();
        _scheduled.Clear();
        _counts.Clear();
        _logic = await LogicHarness.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Cyclades:Quotas:Default:Vms"] = "8",
            ["Cyclades:Quotas:Default:Cpu"] = "14",
            ["Cyclades:Backends:0:Network"] = "10.20.0.0/16",
        });
    }

    [TearDown]
    public async Task TearDown() => await _logic.DisposeAsync();

    [TestCaseSource(nameof(Seeds))]
    public async Task Invariants_hold_after_random_commands_and_job_events(int seed)
    {
        _random = new Random(seed);
        for (var step = 1; step <= steps; step++)
        {
            await StepAsync();
            if (step % 25 == 0)
            {
                await AssertInvariantsAsync($"after step {step} (seed {seed})", quiescent: _outbox.Count == 0);
            }
        }
        // Let every job finish and every result arrive.
        while (PendingJobs().Count > 0 || _outbox.Count > 0)
        {
            foreach (var job in PendingJobs())
            {
                Finish(job);
            }
            await DeliverAsync(_outbox.Count);
        }
        await AssertInvariantsAsync($"at the end (seed {seed})", quiescent: true);
        TestContext.Out.WriteLine(string.Join(", ", _counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")));
        Assert.That(_counts.GetValueOrDefault("applied"), Is.GreaterThan(steps / 10), "the run must exercise event processing");
        Assert.That(_counts.GetValueOrDefault("refused"), Is.GreaterThan(0), "the run must exercise refusals");
    }

    private async Task StepAsync()
    {
        var roll = _random.Next(100);
        try
        {
            switch (roll)
            {
                case < 10:
                    await LaunchAsync();
                    break;
                case < 45:
                    await CommandAsync();
                    break;
                case < 67:
                    if (PendingJobs() is { Count: > 0 } pending)
                    {
                        Finish(pending[_random.Next(pending.Count)]);
                    }
                    break;
                case < 89:
                    await DeliverAsync(1 + _random.Next(3));
                    break;
                case < 95:
                    await AdminJobAsync();
                    break;
                case < 98:
                    await RedeliverAsync();
                    break;
                default:
                    var reconciliation = await _logic.CommissionReconciler.ReconcileAsync(CancellationToken.None);
                    Assert.That(reconciliation.Accepted.Concat(reconciliation.Rejected), Is.Empty, "nothing is left for reconciliation to settle");
                    Assert.That(await _logic.UsageReconciler.ReconcileAsync(fix: false, CancellationToken.None), Is.Empty);
                    break;
            }
        }
        catch (DomainException e)
        {
            Count("refused");
            Count(e.GetType().Name);
        }
        finally
        {
            _logic.Driver.StopFailing();
        }
    }

    private async Task LaunchAsync()
    {
        MaybeFailSubmissions(ServerOperation.Create);
        var count = 1 + _random.Next(3);
        var result = await _logic.Launches.LaunchAsync(
            new LaunchRequest(Pick(Users), LogicHarness.Image, Pick(Flavors), 1, count)
            {
                IdempotencyKey = _random.Next(4) == 0 ? $"key-{_random.Next(20)}" : null,
            },
            CancellationToken.None);
        _servers.AddRange(result.Servers.Select(s => s.Server.Id).Where(id => !_servers.Contains(id)));
        Count(result.Replayed ? "replayed" : "launched");
    }

    private async Task CommandAsync()
    {
        // Mostly live servers; sometimes a deleted one or someone else's.
        var live = (await _logic.Queries.ListByBackendAsync(await _logic.BackendIdAsync(), CancellationToken.None)).Select(s => s.Id).ToList();
        if (_servers.Count == 0)
        {
            return;
        }
        var id = live.Count > 0 && _random.Next(10) > 0 ? Pick(live) : Pick(_servers);
        var owner = (await _logic.ServerAsync(id)).UserId;
        var user = _random.Next(30) == 0 ? Pick(Users) : owner;
        MaybeFailSubmissions(null);
        switch (_random.Next(7))
        {
            case 0:
                await _logic.Commands.StartAsync(user, id, CancellationToken.None);
                break;
            case 1:
                await _logic.Commands.StopAsync(user, id, null, CancellationToken.None);
                break;
            case 2:
                await _logic.Commands.RebootAsync(user, id, _random.Next(2) == 0 ? RebootKind.Soft : RebootKind.Hard, CancellationToken.None);
                break;
            case 3:
                await _logic.Commands.ResizeAsync(user, id, Pick(Flavors), CancellationToken.None);
                break;
            case 4 or 5:
                await _logic.Commands.DestroyAsync(user, id, CancellationToken.None);
                break;
            default:
                var mine = (await _logic.Queries.ListAsync(owner, new ServerFilter(), null, 100, CancellationToken.None)).Servers.Select(s => s.Server.Id).ToList();
                var batch = mine.Count == 0 ? [id] : Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(mine)).ToList();
                await (_random.Next(2) == 0
                    ? _logic.Commands.StartManyAsync(owner, batch, skipAlreadyDone: true, CancellationToken.None)
                    : _logic.Commands.StopManyAsync(owner, batch, TimeSpan.Zero, skipAlreadyDone: true, CancellationToken.None));
                break;
        }
        Count("command");
    }

    /// <summary>The cluster finishes a job: maybe a progress event first, then the final one (delivered later).</summary>
    private void Finish(SubmittedJob job)
    {
        var roll = _random.Next(100);
        var status = roll < 75 ? JobStatus.Success : roll < 95 ? JobStatus.Error : JobStatus.Canceled;
        _scheduled.Add(job.Id);
        _logic.Drivers.For(LogicHarness.ZoneA).SetStatus(job.Id, status);
        var backendId = _logic.BackendIdAsync().GetAwaiter().GetResult();
        if (_random.Next(3) == 0)
        {
            _outbox.Add(new BackendEvent(backendId, job.InstanceName, job.Id, job.Operation, JobStatus.Running, _logic.NextEventTime()));
        }
        _outbox.Add(new BackendEvent(
            backendId, job.InstanceName, job.Id, job.Operation, status, _logic.NextEventTime(),
            status == JobStatus.Error ? "failed" : null, job.Cpu, job.RamMiB,
            InstanceMissing: job.Operation == ServerOperation.Destroy && status == JobStatus.Error && _random.Next(2) == 0));
    }

    /// <summary>Delivers events, mostly in order but sometimes a later one first.</summary>
    private async Task DeliverAsync(int count)
    {
        for (var i = 0; i < count && _outbox.Count > 0; i++)
        {
            var index = _random.Next(4) == 0 ? _random.Next(Math.Min(3, _outbox.Count)) : 0;
            var e = _outbox[index];
            _outbox.RemoveAt(index);
            await ApplyAsync(e);
            _delivered.Add(e);
            if (e.Status.IsFinal())
            {
                _finished.Add(e.JobId);
            }
        }
    }

    private async Task RedeliverAsync()
    {
        if (_delivered.Count > 0)
        {
            await ApplyAsync(_delivered[_random.Next(Math.Max(0, _delivered.Count - 30), _delivered.Count)]);
            Count("redelivered");
        }
    }

    /// <summary>An administrator runs a job on the cluster directly.</summary>
    private async Task AdminJobAsync()
    {
        if (_servers.Count == 0)
        {
            return;
        }
        var server = await _logic.ServerAsync(Pick(_servers));
        var operation = Pick(new[] { ServerOperation.Start, ServerOperation.Stop, ServerOperation.Reboot, ServerOperation.Destroy, ServerOperation.Modify, ServerOperation.Other });
        var (cpu, ram) = operation == ServerOperation.Modify ? _random.Next(2) == 0 ? (4, 2048) : (2, 1024) : ((int?)null, (int?)null);
        var e = new BackendEvent(server.BackendId, server.InstanceName, _nextAdminJob++, operation, JobStatus.Success, _logic.NextEventTime(), null, cpu, ram);
        _outbox.Insert(_random.Next(_outbox.Count + 1), e);
        Count("admin");
    }

    private async Task ApplyAsync(BackendEvent e)
    {
        var result = await _logic.Events.ApplyAsync(e, CancellationToken.None);
        Count(result.Outcome.ToString().ToLowerInvariant());
    }

    private void MaybeFailSubmissions(ServerOperation? operation)
    {
        if (_random.Next(15) == 0)
        {
            var driver = _logic.Driver;
            driver.FailSubmissions(_random.Next(2) == 0 ? driver.Unavailable : driver.Rejected, operation, after: _random.Next(2));
            Count("failing");
        }
    }

    private List<SubmittedJob> PendingJobs() =>
        _logic.Driver.Jobs.Where(j => !_scheduled.Contains(j.Id)).ToList();

    private async Task AssertInvariantsAsync(string when, bool quiescent)
    {
        var connections = _logic.Database.Connections;
        Assert.That(await QuotaInvariants.UsageDriftAsync(connections), Is.Empty, $"usage equals the servers' holdings {when}");
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(connections), Is.Empty, $"open commissions belong to pending tasks {when}");
        if (quiescent)
        {
            Assert.That(await QuotaInvariants.TasksOfFinishedJobsAsync(connections, _finished), Is.Empty, $"no task waits for a finished job {when}");
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;
}
