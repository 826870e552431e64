namespace Cyclades.Logic.Accounts;

public enum AccountError
{
    InvalidUserName,
    InvalidAccessKeyId,
    InvalidSecretAccessKey,
    UserNotFound,
    UserAlreadyExists,
    AccessKeyNotFound,
    AccessKeyOwnedByAnotherUser,
}

/// <summary>A refused account operation; front-ends map <see cref="Error"/> to their own codes.</summary>
public sealed class AccountException(AccountError error, string message) : Exception(message)
{
    public AccountError Error { get; } = error;
}
