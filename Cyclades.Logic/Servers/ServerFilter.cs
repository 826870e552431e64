namespace Cyclades.Logic.Servers;

/// <summary>
/// Which of a user's servers to list. Every criterion given must hold; within one, any value may
/// match. Text criteria are patterns: <c>*</c> matches any run of characters, <c>?</c> one character.
/// </summary>
public sealed record ServerFilter
{
    public IReadOnlyCollection<long>? Ids { get; init; }

    public IReadOnlyCollection<OperState>? OperStates { get; init; }

    public IReadOnlyCollection<long>? LaunchIds { get; init; }

    public IReadOnlyCollection<string>? FlavorNames { get; init; }

    public IReadOnlyCollection<string>? ImageIds { get; init; }

    public IReadOnlyCollection<string>? KeyNames { get; init; }

    public IReadOnlyCollection<string>? BackendNames { get; init; }

    public IReadOnlyCollection<string>? PrivateIps { get; init; }

    public IReadOnlyCollection<string>? IdempotencyKeys { get; init; }

    /// <summary>Deleted servers are listed when they were deleted at or after this time; never when null.</summary>
    public DateTimeOffset? IncludeDeletedSince { get; init; }
}

/// <param name="NextAfterId">Pass as <c>afterId</c> for the next page; null on the last page.</param>
public sealed record ServerPage(IReadOnlyList<ServerView> Servers, long? NextAfterId);
