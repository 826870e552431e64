namespace Cyclades.Logic.Catalog;

/// <summary>
/// The catalog of the embedded default: EC2-style sizes that all share one disk (so each can be
/// resized to any other) and images on the <c>noop</c> OS that the simulator and the Ganeti test
/// cluster provide (its parameters are snf-image's: <c>img_id</c>, <c>img_format</c>,
/// <c>img_passwd</c>, <c>img_properties</c>).
/// </summary>
public static class DefaultCatalog
{
    public static IReadOnlyList<FlavorDefinition> Flavors { get; } =
    [
        Flavor("t2.nano", 1, 512),
        Flavor("t2.micro", 1, 1024),
        Flavor("t2.small", 1, 2048),
        Flavor("t2.medium", 2, 4096),
    ];

    public static IReadOnlyList<ImageDefinition> Images { get; } =
    [
        Image("1", "noop-default", "Installs nothing (noop OS)", "noop+default"),
        Image("2", "noop-slow", "Installs nothing, slowly (noop OS, 5 s install)", "noop+slow"),
        Image("3", "noop-fail", "Fails to install (noop OS); for trying out failed launches", "noop+fail"),
    ];

    // Ganeti's default instance policy wants disks of at least 1 GiB; file disks are sparse.
    private static FlavorDefinition Flavor(string name, int cpu, int ramMiB) =>
        new() { Name = name, Cpu = cpu, RamMiB = ramMiB, DiskGiB = 1, DiskTemplate = "file" };

    private static ImageDefinition Image(string id, string name, string description, string os) => new()
    {
        Id = id,
        Name = name,
        Description = description,
        Os = os,
        OsParameters = new() { ["img_id"] = name, ["img_format"] = "diskdump" },
        KeyParameter = "img_properties",
    };
}
