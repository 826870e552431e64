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
        var parameters = new List<object?>
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
        };
        // Only when given: the fingerprints of launches recorded before subnets existed stay the same.
        if (request.SubnetId is { } subnetId)
        {
            parameters.Add(subnetId);
        }
        var canonical = JsonSerializer.Serialize(parameters);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
