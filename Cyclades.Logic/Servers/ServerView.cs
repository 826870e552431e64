using Cyclades.Logic.Catalog;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Servers;

/// <summary>A server with what a front-end shows beside it.</summary>
/// <param name="IdempotencyKey">The key of the launch that created it, if the caller gave one.</param>
public sealed record ServerView(Server Server, Flavor Flavor, string BackendName, string? IdempotencyKey)
{
    /// <summary>Its disks (volumes not deleted), in disk order: the root first. Empty once it is destroyed.</summary>
    public IReadOnlyList<Volume> Volumes { get; init; } = [];
}
