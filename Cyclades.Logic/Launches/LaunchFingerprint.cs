using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Launches;

internal static class LaunchFingerprint
{
    /// <summary>SHA-256 (hex) of every request parameter except the idempotency key.</summary>
    public static string Of(LaunchRequest request)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            request.ImageId,
            request.FlavorName,
            request.MinCount,
            request.MaxCount,
            request.Name,
            request.KeyName,
            request.UserData is null ? null : Convert.ToHexString(SHA256.HashData(request.UserData)),
            request.BackendName,
            request.ExtraFingerprint,
            request.Settings == ServerSettings.Default ? null : request.Settings,
            request.PrivateIp,
            request.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new[] { t.Key, t.Value }),
            request.Root,
            request.ExtraVolumes.Count == 0 ? null : request.ExtraVolumes,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
