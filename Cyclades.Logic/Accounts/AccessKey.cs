namespace Cyclades.Logic.Accounts;

/// <summary>An access key as listed: never its secret.</summary>
public sealed record AccessKey(string Id, long UserId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
