namespace Cyclades.Logic.Catalog;

/// <summary>An image a user registers: an OS image, a copy, or one made from a server (then <see cref="Export"/> is set and it starts pending).</summary>
public sealed record NewImage(
    string OwnerUserId,
    string Name,
    string Description,
    string OsType,
    IReadOnlyDictionary<string, string> OsParameters,
    string? KeyParameter)
{
    public ImageState State { get; init; } = ImageState.Available;

    public long? SourceImageId { get; init; }

    public long? SourceServerId { get; init; }

    public ImageExport? Export { get; init; }

    public int MinDiskGiB { get; init; }

    public string? DiskTemplate { get; init; }
}
