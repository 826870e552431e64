namespace Cyclades.Logic.Idempotency;

/// <summary>What is made under an idempotency key recorded in <c>idempotency_keys</c> (a launch keeps its own, in <c>launches</c>).</summary>
public enum IdempotentKind
{
    /// <summary>A port made on its own (not by a launch).</summary>
    Port,

    /// <summary>A volume made on its own (not by a launch).</summary>
    Volume,
}

/// <summary>
/// A request to make one resource under the caller's idempotency key: the same user, kind and key with the same
/// <see cref="Fingerprint"/> is the same request, answered with what the first one made.
/// </summary>
/// <param name="Fingerprint">The request's parameters that matter (<see cref="RequestFingerprint"/>); a retry must repeat them.</param>
public sealed record IdempotencyClaim(string UserId, IdempotentKind Kind, string Key, string Fingerprint)
{
    /// <summary>As long as the column; front-ends enforce their own (smaller) limits first.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The claim of a request, or null when it has no key (then every request makes a new resource).</summary>
    /// <param name="parameters">Every parameter of the request that shapes the resource, in a fixed order.</param>
    public static IdempotencyClaim? Of(string userId, IdempotentKind kind, string? key, params object?[] parameters)
    {
        if (key is null)
        {
            return null;
        }
        if (key.Length is 0 or > MaxKeyLength)
        {
            throw new ArgumentException($"An idempotency key must be 1 to {MaxKeyLength} characters.", nameof(key));
        }
        return new IdempotencyClaim(userId, kind, key, RequestFingerprint.Of(parameters));
    }
}

/// <summary>The resource a request made, or (<see cref="Replayed"/>) the one an earlier request with its key made.</summary>
public readonly record struct IdempotentOutcome(long ResourceId, bool Replayed);
