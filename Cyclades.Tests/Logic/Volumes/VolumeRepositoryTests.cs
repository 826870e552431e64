using Cyclades.Logic.Persistence;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Volumes;

public sealed class VolumeRepositoryTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const string Other = "user-2";

    [Test]
    public async Task A_volume_reads_back_as_written_and_only_by_its_owner()
    {
        var backend = await Logic.BackendIdAsync();
        var created = await WriteAsync(db => VolumeRepository.InsertAsync(
            db, new NewVolume(LogicHarness.User, backend, null, null, 5, "plain", VolumeStatus.Available, null, false, "/dev/sdf"), 1_000_000, default));

        var read = await ReadAsync(db => VolumeRepository.GetAsync(db, LogicHarness.User, created.Id, default));
        Assert.That(read, Is.EqualTo(created));
        Assert.That(read!.Status, Is.EqualTo(VolumeStatus.Available));
        Assert.That(read.DiskName, Is.EqualTo($"snf-vol-{created.Id}"));
        Assert.That(await ReadAsync(db => VolumeRepository.GetAsync(db, Other, created.Id, default)), Is.Null);
        Assert.That(await ReadAsync(db => VolumeRepository.ListAsync(db, Other, null, default)), Is.Empty);
        Assert.That(await ReadAsync(db => VolumeRepository.ListAsync(db, Other, [created.Id], default)), Is.Empty);
        Assert.That(await WriteAsync(db => VolumeRepository.LockAsync(db, Other, [created.Id], default)), Is.Empty);
    }

    [Test]
    public async Task Every_status_survives_the_round_trip()
    {
        var backend = await Logic.BackendIdAsync();
        foreach (var status in Enum.GetValues<VolumeStatus>())
        {
            var created = await WriteAsync(db => VolumeRepository.InsertAsync(
                db, new NewVolume(LogicHarness.User, backend, null, null, 1, "file", status, null, true, null), 1, default));
            Assert.That((await ReadAsync(db => VolumeRepository.GetAsync(db, LogicHarness.User, created.Id, default)))!.Status, Is.EqualTo(status));
        }
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM volumes WHERE status = 'IN_USE'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Disks_of_a_server_come_in_index_order_and_deleted_ones_leave_the_lists_and_the_sum()
    {
        var server = await Logic.StartedServerAsync();
        var root = (await ReadAsync(db => VolumeRepository.ListByServersAsync(db, [server.Id], default))).Single();
        var second = await WriteAsync(db => VolumeRepository.InsertAsync(
            db, new NewVolume(LogicHarness.User, server.BackendId, server.Id, 2, 3, root.VolumeType, VolumeStatus.InUse, null, true, "/dev/sdc"), 2, default));
        var first = await WriteAsync(db => VolumeRepository.InsertAsync(
            db, new NewVolume(LogicHarness.User, server.BackendId, server.Id, 1, 4, root.VolumeType, VolumeStatus.InUse, null, false, "/dev/sdb"), 2, default));

        var disks = await WriteAsync(db => VolumeRepository.LockByServerAsync(db, server.Id, default));
        Assert.That(disks.Select(v => v.DiskIndex), Is.EqualTo(new int?[] { 0, 1, 2 }));
        Assert.That(disks[0].IsRoot, Is.True);
        Assert.That(disks[1].Id, Is.EqualTo(first.Id));
        Assert.That(disks[1].AttachedAt, Is.Not.Null);
        Assert.That(await ReadAsync(db => VolumeRepository.SumSizeAsync(db, LogicHarness.User, default)), Is.EqualTo(root.SizeGiB + 7));

        await WriteAsync(async db =>
        {
            await VolumeRepository.UpdateAsync(db, second.AsDeleted(DateTimeOffset.UnixEpoch.AddDays(1)), default);
            await VolumeRepository.UpdateAsync(db, first.AsDetached(DateTimeOffset.UnixEpoch.AddDays(1)), default);
            return true;
        });

        Assert.That((await ReadAsync(db => VolumeRepository.ListByServersAsync(db, [server.Id], default))).Select(v => v.Id), Is.EqualTo(new[] { root.Id }));
        Assert.That((await ReadAsync(db => VolumeRepository.ListAsync(db, LogicHarness.User, null, default))).Select(v => v.Id),
            Is.EqualTo(new[] { root.Id, first.Id }));
        var deleted = (await ReadAsync(db => VolumeRepository.GetAsync(db, LogicHarness.User, second.Id, default)))!;
        Assert.That((deleted.Deleted, deleted.Status, deleted.ServerId, deleted.DeletedAt), Is.EqualTo((true, VolumeStatus.Deleted, (long?)null, (DateTimeOffset?)DateTimeOffset.UnixEpoch.AddDays(1))));
        var detached = (await ReadAsync(db => VolumeRepository.GetAsync(db, LogicHarness.User, first.Id, default)))!;
        Assert.That((detached.Status, detached.ServerId, detached.DiskIndex, detached.AttachedAt), Is.EqualTo((VolumeStatus.Available, (long?)null, (int?)null, (DateTimeOffset?)null)));
        Assert.That(await ReadAsync(db => VolumeRepository.SumSizeAsync(db, LogicHarness.User, default)), Is.EqualTo(root.SizeGiB + 4));
        Assert.That(await ReadAsync(db => VolumeRepository.ListHoldersAsync(db, default)), Is.EqualTo(new[] { LogicHarness.User }));
    }

    private Task<T> ReadAsync<T>(Func<Db, Task<T>> read) => Logic.Database.Connections.ReadAsync(read, CancellationToken.None);

    private Task<T> WriteAsync<T>(Func<Db, Task<T>> write) => Logic.Database.Connections.WriteAsync(write, CancellationToken.None);
}
