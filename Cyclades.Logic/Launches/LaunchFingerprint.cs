using System.Security.Cryptography;
using Cyclades.Logic.Idempotency;
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
            RequestFingerprint.TagsOf(request.Tags),
        };
        // Only when given: the fingerprints of launches recorded before subnets and volumes existed stay the same.
        if (request.SubnetId is { } subnetId)
        {
            parameters.Add(subnetId);
        }
        if (!request.Port.IsDefault)
        {
            parameters.Add(request.Port with { SecurityGroupIds = request.Port.SecurityGroupIds.Distinct().Order().ToList() });
        }
        if (request.Root is not null || request.ExtraVolumes.Count > 0)
        {
            parameters.Add(request.Root);
            parameters.Add(request.ExtraVolumes.Count == 0 ? null : request.ExtraVolumes);
        }
        return RequestFingerprint.Of(parameters);
    }
}
