using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Images;
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
}
