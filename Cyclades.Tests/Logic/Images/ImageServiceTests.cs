using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Events;
using Cyclades.Logic.Images;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Images;

/// <summary>Users' images in the core, on SQLite and MariaDB: visibility, sharing, names, exports and launches by import.</summary>
public sealed class ImageServiceTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const string Bob = "user-2";
    private static readonly CancellationToken None = CancellationToken.None;

    private ImageService Images => Logic.Get<ImageService>();

    private Task<long> RegisterAsync(string user = LogicHarness.User, string name = "mine") =>
        Images.RegisterAsync(user, name, "", "noop+default", new Dictionary<string, string> { ["img_id"] = "custom" }, [], None);

    [Test]
    public async Task A_registered_image_takes_the_cloud_images_parameters_and_is_seen_only_by_its_owner_and_those_it_is_shared_with()
    {
        var id = await RegisterAsync();

        var own = await Logic.Catalog.FindImageForAsync(LogicHarness.User, id, None);
        Assert.That((own!.OwnerUserId, own.State, own.IsPublic, own.KeyParameter), Is.EqualTo((LogicHarness.User, ImageState.Available, false, (string?)null)));
        Assert.That(own.OsParameters["img_id"], Is.EqualTo("custom"));
        Assert.That(await Logic.Catalog.FindImageForAsync(Bob, id, None), Is.Null);
        Assert.That((await Logic.Catalog.ListImagesForAsync(Bob, None)).Select(i => i.Id), Does.Not.Contain(id));
        Assert.That((await Logic.Catalog.ListImagesForAsync(Bob, None)).Select(i => i.Id), Does.Contain(LogicHarness.Image), "the cloud's images are everyone's");
        await Assert.ThrowsAsync<ImageNotFoundException>(() => Logic.LaunchAsync(Bob, image: id));

        await Images.ModifyLaunchPermissionsAsync(LogicHarness.User, id, [Bob], [], everyone: null, None);
        Assert.That(await Logic.Catalog.FindImageForAsync(Bob, id, None), Is.Not.Null);
        Assert.That((await Logic.LaunchAsync(Bob, image: id)).Single().Server.ImageId, Is.EqualTo(id));
        Assert.That((await Images.GetLaunchPermissionsAsync(LogicHarness.User, id, None)).UserIds, Is.EqualTo(new[] { Bob }));
        await Assert.ThrowsAsync<ImageNotFoundException>(() => Images.GetLaunchPermissionsAsync(Bob, id, None));
        await Assert.ThrowsAsync<ImageNotFoundException>(() => Images.DeregisterAsync(Bob, id, None));

        await Images.ModifyLaunchPermissionsAsync(LogicHarness.User, id, [], [Bob], everyone: true, None);
        Assert.That((await Logic.Catalog.FindImageForAsync("user-3", id, None))!.IsEveryones, Is.True);
        await Images.ResetLaunchPermissionsAsync(LogicHarness.User, id, None);
        Assert.That(await Logic.Catalog.FindImageForAsync(Bob, id, None), Is.Null);
    }

    [Test]
    public async Task Names_are_unique_per_owner_while_registered()
    {
        var first = await RegisterAsync();

        await Assert.ThrowsAsync<ImageNameTakenException>(() => RegisterAsync());
        Assert.That(await RegisterAsync(Bob), Is.Not.EqualTo(first), "another owner may use the name");
        await Images.DeregisterAsync(LogicHarness.User, first, None);
        Assert.That(await RegisterAsync(), Is.GreaterThan(first), "a deregistered image's name is free again");
    }

    [Test]
    public async Task Only_the_oses_and_parameters_of_the_clouds_images_can_be_registered()
    {
        await Assert.ThrowsAsync<ImageOsNotOfferedException>(() =>
            Images.RegisterAsync(LogicHarness.User, "a", "", "debootstrap+default", new Dictionary<string, string>(), [], None));
        var e = await Assert.ThrowsAsync<ImageOsNotOfferedException>(() =>
            Images.RegisterAsync(LogicHarness.User, "b", "", "noop+default", new Dictionary<string, string> { ["root_password"] = "x" }, [], None));
        Assert.That(e!.Parameter, Is.EqualTo("root_password"));
    }

    [Test]
    public async Task An_image_of_a_server_is_pending_until_the_export_job_and_launches_by_import_on_its_cluster()
    {
        var server = await Logic.StoppedServerAsync();

        var id = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "snap", "", keepRunning: false, [], None);
        var exporting = await Logic.ServerAsync(server.Id);
        var pending = await Logic.Catalog.FindImageForAsync(LogicHarness.User, id, None);
        Assert.That(exporting.Task!.Action, Is.EqualTo(ServerAction.Export));
        Assert.That(Logic.Driver.Jobs.Last().Operation, Is.EqualTo(ServerOperation.Export));
        Assert.That((pending!.State, pending.Export!.Path, pending.MinDiskGiB), Is.EqualTo((ImageState.Pending, $"/var/lib/ganeti/export/{server.InstanceName}", 20)));
        await Assert.ThrowsAsync<ImageNotAvailableException>(() => Logic.LaunchAsync(image: id));
        await Assert.ThrowsAsync<PendingTaskException>(() => Logic.Commands.StartAsync(LogicHarness.User, server.Id, None));

        await Logic.FinishAsync(exporting.Task.JobId!.Value, JobStatus.Success);
        var after = await Logic.ServerAsync(server.Id);
        var available = await Logic.Catalog.FindImageForAsync(LogicHarness.User, id, None);
        Assert.That((after.Task, after.OperState), Is.EqualTo(((ServerTask?)null, OperState.Stopped)));
        Assert.That(available!.State, Is.EqualTo(ImageState.Available));

        var launched = (await Logic.LaunchAsync(image: id)).Single().Server;
        var spec = Logic.Driver.Jobs.Last().Spec!;
        Assert.That(launched.BackendId, Is.EqualTo(server.BackendId));
        Assert.That(spec.ImportFrom, Is.EqualTo(new ClusterExportLocation(available.Export!.Node, available.Export.Path)));
        var otherTemplate = await Assert.ThrowsAsync<ImagePlacementException>(() => Logic.LaunchAsync(image: id, flavor: LogicHarness.OtherTemplate));
        Assert.That((otherTemplate!.Problem, otherTemplate.DiskTemplate), Is.EqualTo((ImagePlacementProblem.Disk, "file")));
        await Assert.ThrowsAsync<ServerExportInUseException>(() => Images.CreateFromServerAsync(LogicHarness.User, server.Id, "again", "", false, [], None));
    }

    [Test]
    public async Task A_failed_export_fails_the_image_and_a_live_copy_of_file_disks_is_refused_before_any_job()
    {
        var stopped = await Logic.StoppedServerAsync();
        var id = await Images.CreateFromServerAsync(LogicHarness.User, stopped.Id, "broken", "", keepRunning: false, [], None);
        await Logic.FinishAsync((await Logic.ServerAsync(stopped.Id)).Task!.JobId!.Value, JobStatus.Error);
        var failed = await Logic.Catalog.FindImageForAsync(LogicHarness.User, id, None);
        Assert.That((failed!.State, failed.StateMessage), Is.EqualTo((ImageState.Failed, "job failed")));

        var running = await Logic.StartedServerAsync();
        var jobs = Logic.Driver.Jobs.Count;
        await Assert.ThrowsAsync<LiveExportUnsupportedException>(() => Images.CreateFromServerAsync(LogicHarness.User, running.Id, "live", "", keepRunning: true, [], None));
        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(jobs));
        Assert.That((await Logic.ServerAsync(running.Id)).Task, Is.Null);
    }

    [Test]
    public async Task An_export_whose_submission_fails_fails_its_image_and_frees_the_server()
    {
        var server = await Logic.StoppedServerAsync();
        Logic.Driver.FailSubmissions(Logic.Driver.Rejected, ServerOperation.Export);

        await Assert.ThrowsAsync<BackendRejectedException>(() => Images.CreateFromServerAsync(LogicHarness.User, server.Id, "refused", "", false, [], None));
        var image = (await Logic.Catalog.ListImagesForAsync(LogicHarness.User, None)).Single(i => i.Name == "refused");
        Assert.That(image.State, Is.EqualTo(ImageState.Failed));
        Assert.That((await Logic.ServerAsync(server.Id)).Task, Is.Null);
    }

    [Test]
    public async Task A_copy_is_the_copiers_and_shares_the_export_an_image_of_a_server_launches_from()
    {
        var server = await Logic.StoppedServerAsync();
        var id = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "orig", "", false, [], None);
        await Logic.FinishAsync((await Logic.ServerAsync(server.Id)).Task!.JobId!.Value, JobStatus.Success);
        await Images.ModifyLaunchPermissionsAsync(LogicHarness.User, id, [Bob], [], null, None);

        var copyId = await Images.CopyAsync(Bob, id, "bobs", "", [], None);
        await Images.DeregisterAsync(LogicHarness.User, id, None);
        var copy = await Logic.Catalog.FindImageForAsync(Bob, copyId, None);

        Assert.That((copy!.OwnerUserId, copy.SourceImageId, copy.State), Is.EqualTo((Bob, (long?)id, ImageState.Available)));
        Assert.That(copy.Export!.Path, Is.EqualTo($"/var/lib/ganeti/export/{server.InstanceName}"));
        await Assert.ThrowsAsync<ServerExportInUseException>(() => Images.CreateFromServerAsync(LogicHarness.User, server.Id, "next", "", false, [], None),
            "the copy still launches from the server's export");
    }

    private ImageExports Exports => Logic.Get<ImageExports>();

    private async Task<(Server Server, long ImageId)> ImageOfStoppedServerAsync(string name = "snap")
    {
        var server = await Logic.StoppedServerAsync();
        var id = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, name, "", false, [], None);
        await Logic.FinishAsync((await Logic.ServerAsync(server.Id)).Task!.JobId!.Value, JobStatus.Success);
        return (server, id);
    }

    [Test]
    public async Task An_export_is_removed_from_the_cluster_when_the_last_image_using_it_is_deregistered()
    {
        var (server, id) = await ImageOfStoppedServerAsync();
        var backend = await Logic.BackendIdAsync();
        var export = new ClusterExportLocation($"node1.{LogicHarness.ZoneA}", $"/var/lib/ganeti/export/{server.InstanceName}");
        await Images.ModifyLaunchPermissionsAsync(LogicHarness.User, id, [Bob], [], null, None);
        var copyId = await Images.CopyAsync(Bob, id, "bobs", "", [], None);

        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.Zero, "nothing deregistered yet");
        await Images.DeregisterAsync(LogicHarness.User, id, None);
        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.Zero, "the copy still launches from it");
        Assert.That(Logic.Driver.RemovedExports, Is.Empty);

        await Images.DeregisterAsync(Bob, copyId, None);
        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.EqualTo(1));
        Assert.That(Logic.Driver.RemovedExports, Is.EqualTo(new[] { export }));
        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.Zero, "removed once");
        var next = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "next", "", false, [], None);
        Assert.That((await Logic.Catalog.FindImageForAsync(LogicHarness.User, next, None))!.Export!.Path, Is.EqualTo(export.Path));
    }

    [Test]
    public async Task A_removal_that_fails_is_retried_and_a_new_image_of_the_server_waits_for_it()
    {
        var (server, id) = await ImageOfStoppedServerAsync();
        var backend = await Logic.BackendIdAsync();
        await Images.DeregisterAsync(LogicHarness.User, id, None);
        Logic.Driver.FailExportRemovals = true;

        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.Zero);
        await Assert.ThrowsAsync<ServerExportBeingRemovedException>(() => Images.CreateFromServerAsync(LogicHarness.User, server.Id, "next", "", false, [], None),
            "the removal under way would remove the new export too");
        Assert.That((await Logic.ServerAsync(server.Id)).Task, Is.Null);

        Logic.Driver.FailExportRemovals = false;
        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.EqualTo(1));
        Assert.That(Logic.Driver.RemovedExports, Has.Count.EqualTo(1));
        Assert.That(await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "next", "", false, [], None), Is.GreaterThan(id));
    }

    [Test]
    public async Task An_export_replaced_by_a_newer_image_of_the_server_is_not_removed()
    {
        var (server, id) = await ImageOfStoppedServerAsync();
        var backend = await Logic.BackendIdAsync();
        await Images.DeregisterAsync(LogicHarness.User, id, None);
        var next = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "next", "", false, [], None);

        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.Zero, "the newer image's export lies in the same place");
        Assert.That(Logic.Driver.RemovedExports, Is.Empty);
        await Logic.FinishAsync((await Logic.ServerAsync(server.Id)).Task!.JobId!.Value, JobStatus.Success);
        await Images.DeregisterAsync(LogicHarness.User, next, None);
        Assert.That(await Exports.RemoveUnusedAsync(backend, None), Is.EqualTo(1));
    }

    [Test]
    public async Task An_export_result_older_than_a_later_change_of_the_server_still_settles_the_image()
    {
        var server = await Logic.StoppedServerAsync();
        var id = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "late", "", false, [], None);
        var job = (await Logic.ServerAsync(server.Id)).Task!.JobId!.Value;
        var exportEnded = Logic.NextEventTime();
        await Logic.AdminJobAsync(server, ServerOperation.Start, JobStatus.Success, 90_001);

        Logic.Driver.SetStatus(job, JobStatus.Success);
        var result = await Logic.Events.ApplyAsync(await Logic.EventForAsync(job, JobStatus.Success, at: exportEnded), None);

        Assert.That(result.Outcome, Is.EqualTo(EventOutcome.Stale));
        Assert.That((await Logic.ServerAsync(server.Id)).Task, Is.Null);
        Assert.That((await Logic.Catalog.FindImageForAsync(LogicHarness.User, id, None))!.State, Is.EqualTo(ImageState.Available));
    }

    [Test]
    public async Task An_export_result_the_dispatcher_did_not_apply_is_taken_from_the_cluster_by_the_periodic_check()
    {
        var server = await Logic.StoppedServerAsync();
        var ok = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "terminated", "", false, [], None);
        var job = (await Logic.ServerAsync(server.Id)).Task!.JobId!.Value;
        var other = await Logic.StoppedServerAsync();
        var bad = await Images.CreateFromServerAsync(LogicHarness.User, other.Id, "missed", "", false, [], None);
        var otherJob = (await Logic.ServerAsync(other.Id)).Task!.JobId!.Value;
        var backend = await Logic.BackendIdAsync();

        Assert.That(await Exports.SettleStrandedAsync(backend, None), Is.Zero, "both servers still export for their images");
        // The dispatcher never applies these results: the first server is gone, the second's task was cleared by reconciliation.
        await Logic.Database.Connections.WriteAsync(async db =>
        {
            await db.ExecuteAsync("UPDATE servers SET deleted = @yes WHERE id = @id", new { id = server.Id, yes = true }, None);
            await db.ExecuteAsync("UPDATE servers SET task = NULL, task_job_id = NULL WHERE id = @id", new { id = other.Id }, None);
            return true;
        }, None);
        Assert.That(await Exports.SettleStrandedAsync(backend, None), Is.Zero, "the jobs still run");

        Logic.Driver.SetStatus(job, JobStatus.Success);
        Logic.Driver.SetStatus(otherJob, JobStatus.Error);
        Assert.That(await Exports.SettleStrandedAsync(backend, None), Is.EqualTo(2));
        Assert.That((await Logic.Catalog.FindImageForAsync(LogicHarness.User, ok, None))!.State, Is.EqualTo(ImageState.Available));
        Assert.That((await Logic.Catalog.FindImageForAsync(LogicHarness.User, bad, None))!.State, Is.EqualTo(ImageState.Failed));
        Assert.That(await Exports.SettleStrandedAsync(backend, None), Is.Zero);
    }

    [Test]
    public async Task An_image_of_a_server_records_its_root_volume_and_a_launch_from_it_defaults_to_that_size_and_type()
    {
        var server = (await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { Root = new LaunchVolume(SizeGiB: 30) }, None)).Servers.Single().Server;
        await Logic.FinishAsync(server.Task!.JobId!.Value, JobStatus.Success);
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, None);
        await Logic.FinishAsync(stop.After.Task!.JobId!.Value, JobStatus.Success);
        var id = await Images.CreateFromServerAsync(LogicHarness.User, server.Id, "big", "", false, [], None);
        await Logic.FinishAsync((await Logic.ServerAsync(server.Id)).Task!.JobId!.Value, JobStatus.Success);

        var image = await Logic.Catalog.FindImageForAsync(LogicHarness.User, id, None);
        var launched = (await Logic.LaunchAsync(image: id)).Single().Server;
        var spec = Logic.Driver.Jobs.Last().Spec!;

        Assert.That((image!.MinDiskGiB, image.DiskTemplate), Is.EqualTo((30, "file")));
        Assert.That((spec.Disks.Single().SizeGiB, spec.DiskTemplate), Is.EqualTo((30, "file")));
        Assert.That(launched.ImageId, Is.EqualTo(id));
        await Assert.ThrowsAsync<InvalidVolumeRequestException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, id, LogicHarness.Small, 1, 1) { Root = new LaunchVolume(SizeGiB: 10) }, None));
    }
}
