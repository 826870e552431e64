namespace Cyclades.Logic.Accounts;

/// <summary>Finds the credentials behind an access key id, for request authentication.</summary>
public interface IAccessKeyResolver
{
    /// <summary>The key with its secret when it exists, is active and its user is enabled; otherwise null.</summary>
    Task<AccessKeyCredentials?> ResolveAsync(string accessKeyId, CancellationToken cancellationToken = default);
}

/// <summary>Users and access keys, for every front-end (the EC2 API, the admin CLI).</summary>
public interface IAccountService : IAccessKeyResolver
{
    Task<User> CreateUserAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken = default);

    Task<User?> FindUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>A disabled user's keys stop authenticating (within the resolver's short cache time).</summary>
    Task<User> SetUserDisabledAsync(string name, bool disabled, CancellationToken cancellationToken = default);

    /// <summary>A fresh key pair; the secret is returned here once and cannot be read back later.</summary>
    Task<AccessKeyCredentials> CreateAccessKeyAsync(string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccessKey>> ListAccessKeysAsync(string userName, CancellationToken cancellationToken = default);

    Task RevokeAccessKeyAsync(string accessKeyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes sure the user exists and owns this key with this secret (created, or the secret replaced
    /// and the key re-activated). Used for declared (bootstrap) credentials.
    /// </summary>
    Task<AccessKeyCredentials> EnsureUserWithKeyAsync(string userName, string accessKeyId, string secretAccessKey, CancellationToken cancellationToken = default);
}
