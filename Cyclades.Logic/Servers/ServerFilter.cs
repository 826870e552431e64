using Cyclades.Logic.Tags;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Which of a user's servers to list. Every criterion given must hold; within one, any value may
/// match. Text criteria are patterns: <c>*</c> matches any run of characters, <c>?</c> one character.
/// </summary>
public sealed record ServerFilter
{
    public IReadOnlyCollection<long>? Ids { get; init; }

    public IReadOnlyCollection<OperState>? OperStates { get; init; }

    /// <summary>Combinations of operstate and task (how a front-end's own state names are made of ours).</summary>
    public IReadOnlyCollection<ServerStateMatch>? States { get; init; }

    public IReadOnlyCollection<long>? LaunchIds { get; init; }

    public IReadOnlyCollection<string>? FlavorNames { get; init; }

    public IReadOnlyCollection<long>? ImageIds { get; init; }

    public IReadOnlyCollection<string>? KeyNames { get; init; }

    public IReadOnlyCollection<string>? BackendNames { get; init; }

    public IReadOnlyCollection<string>? PrivateIps { get; init; }

    /// <summary>The server's primary port (device index 0) is on one of these subnets.</summary>
    public IReadOnlyCollection<long>? PrimarySubnetIds { get; init; }

    /// <summary>One of the server's ports is on one of these subnets.</summary>
    public IReadOnlyCollection<long>? PortSubnetIds { get; init; }

    /// <summary>One of these ports is the server's.</summary>
    public IReadOnlyCollection<long>? PortIds { get; init; }

    public IReadOnlyCollection<string>? IdempotencyKeys { get; init; }

    /// <summary>Patterns on the creation time as ISO-8601 UTC to the millisecond, <c>2026-11-25T10:00:00.123Z</c>.</summary>
    public IReadOnlyCollection<string>? CreatedAt { get; init; }

    /// <summary>Tags the server must carry (each of them), as set by its owner.</summary>
    public IReadOnlyCollection<TagMatch>? Tags { get; init; }

    /// <summary>The server carries a tag whose key matches one of these patterns.</summary>
    public IReadOnlyCollection<string>? TagKeys { get; init; }

    /// <summary>The server carries a tag whose value matches one of these patterns.</summary>
    public IReadOnlyCollection<string>? TagValues { get; init; }

    /// <summary>Deleted servers are listed when they were deleted at or after this time; never when null.</summary>
    public DateTimeOffset? IncludeDeletedSince { get; init; }
}

/// <summary>
/// Servers in <paramref name="OperState"/> whose task is <paramref name="Task"/> (null: no task) and that have a destroy
/// request or not (<paramref name="DestroyRequested"/>); or with any task and either, if <paramref name="AnyTask"/>.
/// </summary>
public sealed record ServerStateMatch(OperState OperState, ServerAction? Task = null, bool AnyTask = false, bool DestroyRequested = false);

/// <param name="NextAfterId">Pass as <c>afterId</c> for the next page; null on the last page.</param>
public sealed record ServerPage(IReadOnlyList<ServerView> Servers, long? NextAfterId);
