using Cyclades.Logic.Volumes;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Integration;

/// <summary>A server's volumes as the real Ganeti test cluster's disks (file template).</summary>
public sealed class VolumesOnGanetiTests : RealClusterFixture
{
    [Test]
    public async Task A_2_GiB_root_and_an_extra_volume_are_the_instances_disks_named_after_their_volumes_and_termination_settles_them()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var view = (await H.Launches.LaunchAsync(
            new LaunchRequest(user, RealClusterHarness.Image, RealClusterHarness.FileDisk, 1, 1)
            {
                Root = new LaunchVolume(SizeGiB: 2),
                ExtraVolumes = [new LaunchVolume(SizeGiB: 1, DeleteOnTermination: false)],
            },
            None)).Servers.Single();

        await H.WaitForStateAsync(view.Server.Id, OperState.Started, JobTimeout, user);
        var instance = await GanetiTestCluster.Instance.CreateClient().Instances.GetAsync(view.Server.InstanceName, None);

        Assert.That(instance.DiskSizesMiB, Is.EqualTo(new[] { 2048, 1024 }), "Ganeti's disk 0 is the 2 GiB root");
        Assert.That(instance.DiskNames, Is.EqualTo(view.Volumes.Select(v => $"snf-vol-{v.Id}")));
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk], Is.EqualTo(3L << 30));

        await H.Commands.DestroyAsync(user, view.Server.Id, None);
        await H.WaitForAsync(view.Server.Id, s => s.Deleted, "destroyed", JobTimeout, user);

        Assert.That(await InstanceAsync(view.Server.InstanceName), Is.Null);
        // The kept volume's disk was detached before the instance was removed: it stays, available and counted.
        var kept = (await H.Get<VolumeQueries>().ListAsync(user, [view.Volumes[1].Id], None)).Single().Volume;
        Assert.That((kept.Status, kept.ServerId, kept.Deleted), Is.EqualTo((VolumeStatus.Available, (long?)null, false)));
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk], Is.EqualTo(1L << 30), "the root is gone, the kept volume is still counted");
    }
}
