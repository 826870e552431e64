using Cyclades.Logic.Accounts;

namespace Cyclades.Tests.Ec2Api.Authentication;

/// <summary>An in-memory key store for verifier tests.</summary>
public sealed class FixedKeys(params (string AccessKeyId, string Secret)[] keys) : IAccessKeyResolver
{
    public static FixedKeys Captures { get; } = new(("AKIDEXAMPLE", WireCapture.Secret), ("ASIAEXAMPLE", WireCapture.Secret));

    public Task<AccessKeyCredentials?> ResolveAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        var index = Array.FindIndex(keys, k => k.AccessKeyId == accessKeyId);
        return Task.FromResult(index < 0 ? null : new AccessKeyCredentials(accessKeyId, keys[index].Secret, index + 1, $"user{index + 1}"));
    }
}
