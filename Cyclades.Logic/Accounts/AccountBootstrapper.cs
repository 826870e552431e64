using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Accounts;

/// <summary>
/// Start-up step: makes the configured bootstrap users and keys exist; on an empty database with none
/// configured, creates the user <see cref="DemoUserName"/> with a fresh key pair and returns it so the
/// front-end can show it once.
/// </summary>
public sealed class AccountBootstrapper(IAccountService accounts, IOptions<BootstrapOptions> options, ILogger<AccountBootstrapper> logger)
{
    public const string DemoUserName = "demo";

    /// <returns>The new demo credentials, or null when none were created.</returns>
    public async Task<AccessKeyCredentials?> RunAsync(CancellationToken cancellationToken = default)
    {
        var users = options.Value.Users.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => u.Value).ToList();
        foreach (var user in users)
        {
            var credentials = await accounts.EnsureUserWithKeyAsync(user.Name!, user.AccessKeyId!, user.SecretAccessKey!, cancellationToken);
            logger.LogInformation("Bootstrap user {UserName} (id {UserId}) has access key {AccessKeyId}",
                credentials.UserName, credentials.UserId, credentials.AccessKeyId);
        }
        if (users.Count > 0 || (await accounts.ListUsersAsync(cancellationToken)).Count > 0)
        {
            return null;
        }
        try
        {
            await accounts.CreateUserAsync(DemoUserName, cancellationToken);
        }
        catch (AccountException e) when (e.Error == AccountError.UserAlreadyExists)
        {
            return null; // another process bootstrapped the same empty database first
        }
        var demo = await accounts.CreateAccessKeyAsync(DemoUserName, cancellationToken);
        logger.LogInformation("Created user {UserName} with access key {AccessKeyId}", demo.UserName, demo.AccessKeyId);
        return demo;
    }
}
