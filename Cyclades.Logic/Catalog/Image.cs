using Cyclades.Logic.Configuration;

namespace Cyclades.Logic.Catalog;

/// <summary>What a server is installed from: a cluster OS (with variant) and its parameters.</summary>
/// <param name="Id">The image's number; front-ends show it in their own form (EC2: <c>ami-00000001</c> is image 1).</param>
/// <param name="OsType">The cluster's OS with variant, e.g. <c>noop+default</c>.</param>
/// <param name="OsParameters">Passed to the OS as they are; must be parameters the OS declares.</param>
/// <param name="KeyParameter">The OS parameter that receives the key pair's public key, if the OS takes one.</param>
public sealed record Image(
    long Id,
    string Name,
    string Description,
    string OsType,
    IReadOnlyDictionary<string, string> OsParameters,
    string? KeyParameter,
    bool Deleted)
{
    public DefinitionOrigin Origin { get; init; } = DefinitionOrigin.Config;

    /// <summary>The smallest root volume it fits on, GiB (0: no minimum).</summary>
    public int MinDiskGiB { get; init; }

    /// <summary>When the catalog first offered it.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The user who registered it; null for the cloud's own images (every user may launch those).</summary>
    public string? OwnerUserId { get; init; }

    public ImageState State { get; init; } = ImageState.Available;

    /// <summary>Why it failed, when it did.</summary>
    public string? StateMessage { get; init; }

    /// <summary>Every user may see and launch it (the owner shared it with all).</summary>
    public bool IsPublic { get; init; }

    /// <summary>The image it was copied from, if any.</summary>
    public long? SourceImageId { get; init; }

    /// <summary>The server it was made from, if any.</summary>
    public long? SourceServerId { get; init; }

    /// <summary>The cluster export it launches from (an image made from a server); null for an OS image.</summary>
    public ImageExport? Export { get; init; }

    /// <summary>The disk template of the exported server (an image made from a server).</summary>
    public string? DiskTemplate { get; init; }

    /// <summary>The cloud's own images, and those the owner made public, are every user's.</summary>
    public bool IsEveryones => OwnerUserId is null || IsPublic;

    /// <summary>The OS parameters of a server built from this image.</summary>
    public IReadOnlyDictionary<string, string> OsParametersFor(string? publicKey)
    {
        var parameters = new SortedDictionary<string, string>(OsParameters.ToDictionary(), StringComparer.Ordinal);
        if (KeyParameter is not null && publicKey is not null)
        {
            parameters[KeyParameter] = publicKey;
        }
        return parameters;
    }
}
