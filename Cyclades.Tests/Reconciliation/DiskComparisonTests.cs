using Cyclades.Logic.Backends;
using Cyclades.Logic.Volumes;

namespace Cyclades.Tests.Reconciliation;

/// <summary>The rules by which a server's volumes are compared with its instance's disks, one row per case.</summary>
[Category("Unit")]
public sealed class DiskComparisonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Volumes as (id, index, GiB, status, type); disks as (name, MiB); differences as "Kind volume@index".</summary>
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("named disks of the right size and place: nothing",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 1, VolumeStatus.InUse, "file")], [("snf-vol-1", 2048), ("snf-vol-2", 1024)]);
        yield return Case("an unnamed disk nobody stands for is unknown",
            [(1, 0, 2, VolumeStatus.InUse, "file")], [("snf-vol-1", 2048), (null, 1536)], "Unknown -@1");
        yield return Case("an unnamed disk is the volume at its index whose name the instance lacks (an adopted disk, an old root)",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 1, VolumeStatus.InUse, "file")], [(null, 2048), (null, 1024)]);
        yield return Case("a volume in use without its disk is missing",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 1, VolumeStatus.InUse, "file")], [("snf-vol-1", 2048)], "Missing 2@-");
        yield return Case("a size is compared in whole GiB, rounded up",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 2, VolumeStatus.InUse, "file")], [("snf-vol-1", 3072), ("snf-vol-2", 1025)], "Size 1@0");
        yield return Case("a named disk elsewhere than the volume says is an index difference",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 2, 1, VolumeStatus.InUse, "file")], [("snf-vol-1", 2048), ("snf-vol-2", 1024)], "Index 2@1");
        yield return Case("a disk named after a volume that is not the server's is unknown",
            [(1, 0, 2, VolumeStatus.InUse, "file")], [("snf-vol-1", 2048), ("snf-vol-77", 1024)], "Unknown -@1");
        yield return Case("an unnamed disk does not take a volume whose named disk is listed elsewhere",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 1, VolumeStatus.InUse, "file")], [(null, 2048), ("snf-vol-1", 2048), ("snf-vol-2", 1024)],
            "Unknown -@0", "Index 1@1", "Index 2@2");
        yield return Case("a volume in ERROR keeps its disk but is never reported",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 1, VolumeStatus.Error, "file")], [("snf-vol-1", 2048), ("snf-vol-2", 4096)]);
        yield return Case("a volume in ERROR without a disk is not missing",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 1, VolumeStatus.Error, "file")], [("snf-vol-1", 2048)]);
        yield return Case("a diskless server's root volume has no disk",
            [(1, 0, 0, VolumeStatus.InUse, "diskless")], []);
        yield return Case("a volume on its way: nothing is compared",
            [(1, 0, 2, VolumeStatus.InUse, "file"), (2, 1, 1, VolumeStatus.Attaching, "file")], [("snf-vol-1", 2048), (null, 9999)]);
    }

    [TestCaseSource(nameof(Cases))]
    public void Differences(IReadOnlyList<Volume> volumes, IReadOnlyList<ClusterDisk> disks, string[] expected) =>
        Assert.That(DiskComparison.Compare(volumes, disks).Select(Show), Is.EquivalentTo(expected));

    [TestCase(1, 1)]
    [TestCase(1024, 1)]
    [TestCase(1025, 2)]
    [TestCase(1536, 2)]
    [TestCase(0, 0)]
    public void Cluster_sizes_round_up_to_whole_GiB(int mib, int gib) => Assert.That(DiskComparison.SizeGiB(mib), Is.EqualTo(gib));

    [Test]
    public void A_missing_root_or_an_unknown_disk_named_after_another_volume_is_left_to_an_operator()
    {
        var root = Volume(1, 0, 2, VolumeStatus.InUse, "file");
        var other = Volume(2, 1, 1, VolumeStatus.InUse, "file");

        Assert.That(ClusterDiskSync.IsRepairable(DiskComparison.Compare([root, other], [new ClusterDisk("snf-vol-2", "u", 1024)])), Is.False);
        Assert.That(ClusterDiskSync.IsRepairable(DiskComparison.Compare([root], [new ClusterDisk("snf-vol-1", "u", 2048), new ClusterDisk("snf-vol-9", "v", 1024)])),
            Is.False);
        Assert.That(ClusterDiskSync.IsRepairable(DiskComparison.Compare([root, other], [new ClusterDisk("snf-vol-1", "u", 2048)])), Is.True);
    }

    private static TestCaseData Case(string name, (long Id, int Index, int GiB, VolumeStatus Status, string Type)[] volumes,
        (string? Name, int MiB)[] disks, params string[] expected) =>
        new TestCaseData(
            volumes.Select(v => Volume(v.Id, v.Index, v.GiB, v.Status, v.Type)).ToList(),
            disks.Select((d, i) => new ClusterDisk(d.Name, $"uuid-{i}", d.MiB)).ToList(),
            expected) { TestName = name };

    private static Volume Volume(long id, int index, int gib, VolumeStatus status, string type) => new()
    {
        Id = id, UserId = "user-1", BackendId = 1, ServerId = 10, DiskIndex = index, SizeGiB = gib, VolumeType = type, Status = status,
        CreatedAt = At, UpdatedAt = At,
    };

    private static string Show(DiskDifference d) => $"{d.Kind} {d.Volume?.Id.ToString() ?? "-"}@{d.Index?.ToString() ?? "-"}";
}
