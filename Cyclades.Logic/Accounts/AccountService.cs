using Cyclades.Logic.Secrets;
using System.Data.Common;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Accounts;

public sealed class AccountService(
    IDbConnectionFactory connections,
    SecretProtector protector,
    AccessKeyCache cache,
    TimeProvider time) : IAccountService
{
    private readonly UserRepository _users = new(connections.Dialect);
    private readonly AccessKeyRepository _keys = new();

    public async Task<User> CreateUserAsync(string name, CancellationToken cancellationToken = default)
    {
        AccountNames.EnsureValidUserName(name);
        try
        {
            return await WriteAsync(async (connection, transaction) =>
            {
                if (await _users.FindByNameAsync(connection, transaction, name) is not null)
                {
                    throw UserExists(name);
                }
                return await _users.InsertAsync(connection, transaction, name, time.GetUtcNow());
            }, cancellationToken);
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            throw UserExists(name); // a concurrent writer (MariaDB) inserted the same name first
        }
    }

    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await _users.ListAsync(connection, null);
    }

    public async Task<User?> FindUserAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await _users.FindByNameAsync(connection, null, name);
    }

    public async Task<User> SetUserDisabledAsync(string name, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await WriteAsync(async (connection, transaction) =>
        {
            var user = await RequireUserAsync(connection, transaction, name);
            await _users.SetDisabledAsync(connection, transaction, user.Id, disabled);
            return user with { Disabled = disabled };
        }, cancellationToken);
        cache.Clear();
        return user;
    }

    public async Task<AccessKeyCredentials> CreateAccessKeyAsync(string userName, CancellationToken cancellationToken = default) =>
        await WriteAsync(async (connection, transaction) =>
        {
            var user = await RequireUserAsync(connection, transaction, userName);
            var id = AccountNames.NewAccessKeyId();
            var secret = AccountNames.NewSecretAccessKey();
            await _keys.InsertAsync(connection, transaction, id, user.Id, protector.Protect(SecretPurpose(id), secret), time.GetUtcNow());
            return new AccessKeyCredentials(id, secret, user.Id, user.Name);
        }, cancellationToken);

    public async Task<IReadOnlyList<AccessKey>> ListAccessKeysAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var user = await RequireUserAsync(connection, null, userName);
        return await _keys.ListByUserAsync(connection, null, user.Id);
    }

    public async Task RevokeAccessKeyAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        await WriteAsync(async (connection, transaction) =>
        {
            if (await _keys.FindAsync(connection, transaction, accessKeyId) is null)
            {
                throw new AccountException(AccountError.AccessKeyNotFound, $"The access key '{accessKeyId}' does not exist.");
            }
            return await _keys.RevokeAsync(connection, transaction, accessKeyId, time.GetUtcNow());
        }, cancellationToken);
        cache.Clear();
    }

    public async Task<AccessKeyCredentials> EnsureUserWithKeyAsync(
        string userName, string accessKeyId, string secretAccessKey, CancellationToken cancellationToken = default)
    {
        AccountNames.EnsureValidUserName(userName);
        if (!AccountNames.IsValidAccessKeyId(accessKeyId))
        {
            throw new AccountException(AccountError.InvalidAccessKeyId, $"The access key id '{accessKeyId}' is invalid: use 4 to 128 letters and digits.");
        }
        if (!AccountNames.IsValidSecretAccessKey(secretAccessKey))
        {
            throw new AccountException(AccountError.InvalidSecretAccessKey,
                $"The secret access key of '{accessKeyId}' is invalid: use 6 to 128 printable ASCII characters without spaces.");
        }
        // A concurrent start-up may create the same user first: then the second try finds it.
        Task<AccessKeyCredentials> Ensure() => WriteAsync(async (connection, transaction) =>
        {
            var user = await _users.FindByNameAsync(connection, transaction, userName)
                       ?? await _users.InsertAsync(connection, transaction, userName, time.GetUtcNow());
            var ciphertext = protector.Protect(SecretPurpose(accessKeyId), secretAccessKey);
            var existing = await _keys.FindAsync(connection, transaction, accessKeyId);
            if (existing is null)
            {
                await _keys.InsertAsync(connection, transaction, accessKeyId, user.Id, ciphertext, time.GetUtcNow());
            }
            else if (existing.UserId != user.Id)
            {
                throw new AccountException(AccountError.AccessKeyOwnedByAnotherUser,
                    $"The access key '{accessKeyId}' belongs to another user than '{userName}'.");
            }
            else
            {
                await _keys.ReplaceSecretAsync(connection, transaction, accessKeyId, ciphertext);
            }
            return new AccessKeyCredentials(accessKeyId, secretAccessKey, user.Id, user.Name);
        }, cancellationToken);
        AccessKeyCredentials credentials;
        try
        {
            credentials = await Ensure();
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            credentials = await Ensure();
        }
        cache.Clear();
        return credentials;
    }

    public async Task<AccessKeyCredentials?> ResolveAsync(string accessKeyId, CancellationToken cancellationToken = default)
    {
        if (cache.Get(accessKeyId) is { } cached)
        {
            return cached;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await _keys.FindActiveAsync(connection, accessKeyId);
        if (row is null)
        {
            return null;
        }
        var credentials = new AccessKeyCredentials(row.AccessKeyId, protector.Unprotect(SecretPurpose(row.AccessKeyId), row.SecretCiphertext), row.UserId, row.UserName);
        cache.Add(credentials);
        return credentials;
    }

    private async Task<User> RequireUserAsync(DbConnection connection, DbTransaction? transaction, string name) =>
        await _users.FindByNameAsync(connection, transaction, name)
        ?? throw new AccountException(AccountError.UserNotFound, $"The user '{name}' does not exist.");

    private static AccountException UserExists(string name) =>
        new(AccountError.UserAlreadyExists, $"The user '{name}' already exists.");

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connections.Dialect.BeginWrite(connection);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static string SecretPurpose(string accessKeyId) => "access-key/" + accessKeyId;
}
