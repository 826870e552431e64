namespace Cyclades.Logic.Accounts;

/// <summary>
/// An active access key with its plain secret: what request signing needs, and what a new key is
/// handed out as (once). <see cref="ToString"/> leaves the secret out so it never reaches a log.
/// </summary>
public sealed record AccessKeyCredentials(string AccessKeyId, string SecretAccessKey, long UserId, string UserName)
{
    public override string ToString() => $"AccessKeyCredentials {{ AccessKeyId = {AccessKeyId}, UserId = {UserId}, UserName = {UserName} }}";
}
