namespace Cyclades.Logic.Launches;

/// <summary>One request that created several servers at once (an EC2 reservation).</summary>
/// <param name="IdempotencyKey">The caller's key (EC2 ClientToken); retries with it return this launch.</param>
/// <param name="Fingerprint">Hash of the request parameters; a retry must match it.</param>
public sealed record Launch(long Id, string UserId, string? IdempotencyKey, string Fingerprint, DateTimeOffset CreatedAt);
