using Cyclades.Logic.Backends;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Servers;

public sealed class ServerQueriesTests(DatabaseProvider provider) : LogicTest(provider)
{
    [Test]
    public async Task Pages_follow_the_ids_and_stay_correct_while_servers_come_and_go()
    {
        var ids = (await Logic.LaunchAsync(count: 5)).Select(s => s.Server.Id).ToList();
        await Logic.LaunchAsync("user-2", count: 2);

        var first = await Logic.Queries.ListAsync(LogicHarness.User, new ServerFilter(), null, 2, CancellationToken.None);
        await Logic.LaunchAsync(count: 1);
        await Logic.ExecuteSqlAsync("UPDATE servers SET deleted = 1, deleted_at = 1 WHERE id = @id", new { id = ids[2] });
        var second = await Logic.Queries.ListAsync(LogicHarness.User, new ServerFilter(), first.NextAfterId, 2, CancellationToken.None);
        var third = await Logic.Queries.ListAsync(LogicHarness.User, new ServerFilter(), second.NextAfterId, 2, CancellationToken.None);

        var seen = first.Servers.Concat(second.Servers).Concat(third.Servers).Select(s => s.Server.Id).ToList();
        Assert.That(seen.Take(4), Is.EqualTo(new[] { ids[0], ids[1], ids[3], ids[4] }));
        Assert.That(seen, Has.Count.EqualTo(5).And.Unique);
        Assert.That(third.NextAfterId, Is.Null);
    }

    [Test]
    public async Task Filters_combine_and_patterns_match()
    {
        var small = (await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 2, 2) { KeyName = "prod-key", IdempotencyKey = "tok-A", Name = "web 🚀" },
            CancellationToken.None)).Servers;
        var large = (await Logic.LaunchAsync(flavor: LogicHarness.Large))[0];
        await Logic.FinishAsync(large.Server.Task!.JobId!.Value, JobStatus.Success);

        async Task<long[]> Ids(ServerFilter filter) =>
            (await Logic.Queries.ListAsync(LogicHarness.User, filter, null, 100, CancellationToken.None)).Servers.Select(s => s.Server.Id).ToArray();

        Assert.That(await Ids(new ServerFilter { FlavorNames = ["c4.*"] }), Is.EqualTo(new[] { large.Server.Id }));
        Assert.That(await Ids(new ServerFilter { KeyNames = ["prod-???"], OperStates = [OperState.Build] }), Is.EqualTo(small.Select(s => s.Server.Id)));
        Assert.That(await Ids(new ServerFilter { KeyNames = ["PROD-*"] }), Is.Empty, "patterns are case-sensitive");
        Assert.That(await Ids(new ServerFilter { IdempotencyKeys = ["tok-A"], Ids = [small[1].Server.Id, large.Server.Id] }), Is.EqualTo(new[] { small[1].Server.Id }));
        Assert.That(await Ids(new ServerFilter { PrivateIps = [small[0].Server.PrivateIp!, "10.9.0.%"] }), Is.EqualTo(new[] { small[0].Server.Id }));
        Assert.That(await Ids(new ServerFilter { BackendNames = [LogicHarness.ZoneA], ImageIds = [LogicHarness.Image, 42], LaunchIds = [large.Server.LaunchId!.Value] }), Is.EqualTo(new[] { large.Server.Id }));
        Assert.That(await Ids(new ServerFilter { Ids = [] }), Is.Empty);
        Assert.That(small[0].Server.Name, Is.EqualTo("web 🚀"), "four-byte UTF-8 is stored as it is");
        Assert.That((await Logic.Queries.GetAsync(LogicHarness.User, small[0].Server.Id, CancellationToken.None))!.Server.Name, Is.EqualTo("web 🚀"));
    }

    [Test]
    public async Task States_select_operstate_and_task_together()
    {
        var building = (await Logic.LaunchAsync())[0].Server;
        var running = await Logic.StartedServerAsync();
        var stopping = await Logic.StartedServerAsync();
        await Logic.Commands.StopAsync(LogicHarness.User, stopping.Id, null, CancellationToken.None);

        async Task<long[]> Ids(params ServerStateMatch[] states) =>
            (await Logic.Queries.ListAsync(LogicHarness.User, new ServerFilter { States = states }, null, 100, CancellationToken.None))
                .Servers.Select(s => s.Server.Id).ToArray();

        Assert.That(await Ids(new ServerStateMatch(OperState.Started)), Is.EqualTo(new[] { running.Id }));
        Assert.That(await Ids(new ServerStateMatch(OperState.Started, ServerAction.Stop)), Is.EqualTo(new[] { stopping.Id }));
        Assert.That(await Ids(new ServerStateMatch(OperState.Started, AnyTask: true)), Is.EqualTo(new[] { running.Id, stopping.Id }));
        Assert.That(await Ids(new ServerStateMatch(OperState.Build, AnyTask: true), new ServerStateMatch(OperState.Started, ServerAction.Stop)),
            Is.EqualTo(new[] { building.Id, stopping.Id }));
        Assert.That(await Ids(), Is.Empty);
    }

    [Test]
    public async Task Deleted_servers_are_listed_only_when_recent_enough_and_others_never()
    {
        var server = await Logic.StartedServerAsync();
        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None);
        await Logic.FinishAsync(destroy.After.Task!.JobId!.Value, JobStatus.Success);
        var deletedAt = (await Logic.ServerAsync(server.Id)).DeletedAt!.Value;

        async Task<int> Count(DateTimeOffset? since) =>
            (await Logic.Queries.ListAsync(LogicHarness.User, new ServerFilter { IncludeDeletedSince = since }, null, 10, CancellationToken.None)).Servers.Count;

        Assert.That(await Count(null), Is.Zero);
        Assert.That(await Count(deletedAt.AddMinutes(-60)), Is.EqualTo(1));
        Assert.That(await Count(deletedAt.AddSeconds(1)), Is.Zero);
        Assert.That(await Logic.Queries.GetAsync(LogicHarness.User, server.Id, CancellationToken.None), Is.Not.Null);
        Assert.That(await Logic.Queries.GetAsync("user-2", server.Id, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task The_dispatcher_finds_servers_by_instance_name_and_those_waiting_for_jobs()
    {
        var building = (await Logic.LaunchAsync())[0].Server;
        var started = await Logic.StartedServerAsync("user-2");
        var backendId = await Logic.BackendIdAsync();

        Assert.That((await Logic.Queries.FindByInstanceNameAsync(started.InstanceName, CancellationToken.None))!.Server.UserId, Is.EqualTo("user-2"));
        Assert.That(await Logic.Queries.FindByInstanceNameAsync("snf-0", CancellationToken.None), Is.Null);
        Assert.That((await Logic.Queries.ListWithPendingTaskAsync(backendId, CancellationToken.None)).Select(s => s.Id), Is.EqualTo(new[] { building.Id }));
        Assert.That((await Logic.Queries.ListByBackendAsync(backendId, CancellationToken.None)).Select(s => s.Id), Is.EqualTo(new[] { building.Id, started.Id }));
    }

    [Test]
    public void Page_sizes_are_bounded() =>
        Assert.That(() => Logic.Queries.ListAsync(LogicHarness.User, new ServerFilter(), null, ServerQueries.MaxPageSize + 1, CancellationToken.None),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
}
