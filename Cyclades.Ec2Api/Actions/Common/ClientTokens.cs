using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>
/// <c>ClientToken</c>, which makes a create idempotent (the SDKs fill it in): at most 64 ASCII characters; an empty one
/// is none. The core calls it the request's idempotency key.
/// </summary>
public static class ClientTokens
{
    public const int MaxLength = 64;

    /// <summary>The binder's limit: above it, the request is refused as too long before the validator names the token.</summary>
    public const int MaxBoundLength = 1024;

    public static string? KeyOf(string? token) => token is { Length: > 0 } ? token : null;

    public static IRuleBuilderOptions<T, string?> MustBeAClientToken<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(token => token is null || (token.Length <= MaxLength && token.All(char.IsAscii)))
            .WithMessage((_, token) => $"Value ({token}) for parameter clientToken is invalid. A client token is at most {MaxLength} ASCII characters.");
}
