using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Launches;

/// <param name="Servers">In launch order, with their current state (deleted ones too).</param>
/// <param name="Replayed">True when an earlier launch with the same idempotency key was returned.</param>
public sealed record LaunchResult(Launch Launch, IReadOnlyList<ServerView> Servers, bool Replayed);
