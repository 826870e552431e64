using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Images;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;

namespace Cyclades.Tests.Integration;

/// <summary>
/// An image made from a stopped server on the real Ganeti test cluster: Ganeti's export lands on the
/// node, the dispatcher makes the image available, a new server is imported from it, and deregistering
/// the image removes the export from the node (gnt-backup remove, run by the dispatcher).
/// </summary>
public sealed class ImagesOnGanetiTests : RealClusterFixture
{
    [Test]
    public async Task An_image_of_a_stopped_server_is_an_export_on_the_node_that_a_new_server_is_imported_from()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var images = H.Get<ImageService>();
        var catalog = H.Get<CatalogService>();
        var source = await H.LaunchAsync(RealClusterHarness.FileDisk, RealClusterHarness.Image, user: user);
        await H.WaitForStateAsync(source.Id, OperState.Started, JobTimeout, user);
        await H.Commands.StopAsync(user, source.Id, TimeSpan.FromSeconds(5), None);
        await H.WaitForStateAsync(source.Id, OperState.Stopped, JobTimeout, user);

        var imageId = await images.CreateFromServerAsync(user, source.Id, "from-" + source.InstanceName, "", keepRunning: false, [], None);
        var pending = await catalog.FindImageForAsync(user, imageId, None);
        var exported = await H.WaitForAsync(source.Id, s => s.Task is null, "export done", JobTimeout, user);
        var image = await catalog.FindImageForAsync(user, imageId, None);
        var listed = await Real.Cluster.OnNodeAsync("gnt-backup", "list");
        var onNode = await Real.Cluster.OnNodeAsync("ls", image!.Export!.Path);

        Assert.That(pending!.State, Is.EqualTo(ImageState.Pending));
        Assert.That((exported.OperState, exported.LastJob!.Operation, exported.LastJob.Status),
            Is.EqualTo((OperState.Stopped, ServerOperation.Export, JobStatus.Success)));
        Assert.That((image.State, image.Export.Node, image.Export.Path),
            Is.EqualTo((ImageState.Available, Real.Cluster.Node, $"/var/lib/ganeti/export/{source.InstanceName}")));
        Assert.That(listed, Does.Contain(source.InstanceName));
        Assert.That(onNode, Does.Contain("config.ini"));

        // A root larger than the exported one: the import fills the first GiB, Ganeti keeps the size asked.
        var copy = (await H.Launches.LaunchAsync(
            new LaunchRequest(user, imageId, RealClusterHarness.FileDisk, 1, 1) { Root = new LaunchVolume(SizeGiB: 2) }, None)).Servers[0].Server;
        var started = await H.WaitForStateAsync(copy.Id, OperState.Started, JobTimeout, user);
        var creates = await Real.Cluster.JobsOnAsync(copy.InstanceName, "OP_INSTANCE_CREATE");
        var instance = await InstanceAsync(copy.InstanceName);

        Assert.That(started.BackendId, Is.EqualTo(source.BackendId));
        Assert.That(creates.Single().Ops![0].OtherParameters!["mode"].GetString(), Is.EqualTo("import"));
        Assert.That(creates.Single().Ops![0].OtherParameters!["src_path"].GetString(), Is.EqualTo(image.Export.Path));
        Assert.That((instance!.IsRunning, instance.DiskSizesMiB), Is.EqualTo((true, new[] { 2048 })));
        Assert.That(image.MinDiskGiB, Is.EqualTo(1), "the source's root volume");

        await images.DeregisterAsync(user, imageId, None);
        Assert.That(await catalog.FindImageForAsync(user, imageId, None), Is.Null);
        await Eventually.HoldsAsync(async () => !(await Real.Cluster.OnNodeAsync("gnt-backup", "list")).Contains(source.InstanceName, StringComparison.Ordinal),
            $"the export of {source.InstanceName} removed from the node", JobTimeout, TimeSpan.FromMilliseconds(500));
        Assert.That(await Real.Cluster.OnNodeAsync("sh", "-c", $"test -e {image.Export.Path} && echo present || echo gone"), Does.Contain("gone"));
        await H.Commands.DestroyAsync(user, copy.Id, None);
        await H.Commands.DestroyAsync(user, source.Id, None);
        await H.WaitForAsync(copy.Id, s => s.Deleted, "copy destroyed", JobTimeout, user);
        await H.WaitForAsync(source.Id, s => s.Deleted, "source destroyed", JobTimeout, user);
    }
}
