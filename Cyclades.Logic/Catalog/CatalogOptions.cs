namespace Cyclades.Logic.Catalog;

/// <summary>
/// Bound from <c>Cyclades:Flavors:&lt;n&gt;:…</c> and <c>Cyclades:Images:&lt;n&gt;:…</c>; when a list is
/// not configured at all, <see cref="DefaultCatalog"/> is used.
/// </summary>
public sealed class CatalogOptions
{
    public const string FlavorsSection = "Cyclades:Flavors";
    public const string ImagesSection = "Cyclades:Images";

    public List<FlavorDefinition> Flavors { get; set; } = [];

    public List<ImageDefinition> Images { get; set; } = [];
}

public sealed class FlavorDefinition
{
    /// <summary>The instance-type name, e.g. <c>t2.micro</c>.</summary>
    public string Name { get; set; } = "";

    public int Cpu { get; set; }

    public int RamMiB { get; set; }

    public int DiskGiB { get; set; }

    /// <summary>The cluster's disk template, e.g. <c>file</c>, <c>diskless</c>, <c>plain</c>, <c>drbd</c>.</summary>
    public string DiskTemplate { get; set; } = "";

    /// <summary>What is wrong with this flavor on its own, each message starting with the setting's name.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64)
        {
            yield return "Name must be 1-64 characters.";
        }
        if (Cpu < 1)
        {
            yield return $"Cpu must be ≥ 1 (got {Cpu}).";
        }
        if (RamMiB < 1)
        {
            yield return $"RamMiB must be ≥ 1 (got {RamMiB}).";
        }
        if (DiskGiB < 0)
        {
            yield return $"DiskGiB must be ≥ 0 (got {DiskGiB}).";
        }
        if (string.IsNullOrWhiteSpace(DiskTemplate) || DiskTemplate.Length > 64)
        {
            yield return "DiskTemplate is required (1-64 characters).";
        }
    }
}

public sealed class ImageDefinition
{
    /// <summary>
    /// The image's number, e.g. <c>1</c>; the form earlier versions used, <c>ami-00000001</c>, names the
    /// same image (<see cref="ImageNumbers"/>). Empty for an operator's new image: the catalog numbers it.
    /// </summary>
    public string Id { get; set; } = "";

    /// <summary>The number <see cref="Id"/> names; 0 when it names none.</summary>
    public long Number => ImageNumbers.TryParse(Id, out var number) ? number : 0;

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The cluster OS with variant, e.g. <c>noop+default</c>.</summary>
    public string Os { get; set; } = "";

    public Dictionary<string, string> OsParameters { get; set; } = [];

    /// <summary>The OS parameter that receives the key pair's public key, if any.</summary>
    public string? KeyParameter { get; set; }

    /// <summary>The smallest root volume the image fits on, GiB (0: none); a launch asking for less is refused.</summary>
    public int MinDiskGiB { get; set; }

    /// <summary>What is wrong with this image on its own, each message starting with the setting's name.</summary>
    public IEnumerable<string> Problems()
    {
        if (Number == 0)
        {
            yield return $"Id must be a positive number, or ami- and 8 or 17 lower-case hex digits (got '{Id}').";
        }
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 255)
        {
            yield return "Name is required (1-255 characters).";
        }
        if (string.IsNullOrWhiteSpace(Os) || Os.Length > 128)
        {
            yield return "Os is required (the cluster OS with variant, e.g. noop+default).";
        }
        if (MinDiskGiB < 0)
        {
            yield return $"MinDiskGiB must be ≥ 0 (got {MinDiskGiB}).";
        }
    }
}
