using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.Idempotency;

/// <summary>What a retry under an idempotency key must repeat, as a SHA-256 (64 hex digits) of the parameters' JSON.</summary>
public static class RequestFingerprint
{
    public static string Of(IEnumerable<object?> parameters) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(parameters))));

    /// <summary>Tags as a parameter: their order does not matter.</summary>
    public static IEnumerable<string[]> TagsOf(IEnumerable<Tag> tags) =>
        tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new[] { t.Key, t.Value });
}
