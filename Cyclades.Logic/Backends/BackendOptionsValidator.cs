using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Backends;

internal sealed class BackendOptionsValidator : IValidateOptions<BackendOptions>
{
    public ValidateOptionsResult Validate(string? name, BackendOptions options)
    {
        var failures = Failures(options.Backends).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(IReadOnlyList<BackendDefinition> backends)
    {
        for (var i = 0; i < backends.Count; i++)
        {
            var b = backends[i];
            var key = $"{BackendOptions.Section}:{i}";
            if (string.IsNullOrWhiteSpace(b.Name) || b.Name.Length > 64)
            {
                yield return $"{key}:Name must be 1-64 characters.";
            }
            else if (backends.Take(i).Any(o => o.Name == b.Name))
            {
                yield return $"{key}:Name '{b.Name}' is used by an earlier backend.";
            }
            if (!b.Simulated && !(Uri.TryCreate(b.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            {
                yield return $"{key}:Url must be an http(s) URL (got '{b.Url}').";
            }
            if (b.CertificateFingerprint is { } pin && !IsSha256Hex(pin))
            {
                yield return $"{key}:CertificateFingerprint must be a SHA-256 in hex.";
            }
            if (!PrivateNetwork.TryParse(b.Network, out _, out var problem))
            {
                yield return $"{key}:Network {problem}";
            }
        }
    }

    private static bool IsSha256Hex(string value)
    {
        var hex = value.Replace(":", "", StringComparison.Ordinal);
        return hex.Length == 64 && hex.All(Uri.IsHexDigit);
    }
}
