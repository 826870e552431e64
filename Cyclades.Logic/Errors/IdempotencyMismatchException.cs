namespace Cyclades.Logic.Errors;

/// <summary>The idempotency key was used before with different request parameters.</summary>
public sealed class IdempotencyMismatchException(string idempotencyKey)
    : DomainException($"The idempotency key '{idempotencyKey}' was already used with different parameters.")
{
    public string IdempotencyKey { get; } = idempotencyKey;
}
