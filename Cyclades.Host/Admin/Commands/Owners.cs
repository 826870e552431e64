using System.Globalization;
using Cyclades.Logic.Accounts;

namespace Cyclades.Host.Admin.Commands;

/// <summary>Users by name, and the id their servers and quotas are kept under.</summary>
public static class Owners
{
    public static async Task<User> RequireAsync(IAccountService accounts, string name, CancellationToken cancellationToken) =>
        await accounts.FindUserAsync(name, cancellationToken) ?? throw new AdminException($"The user '{name}' does not exist.");

    /// <summary>The owner id of a user's servers and quota rows: the user id in decimal.</summary>
    public static string OwnerId(User user) => user.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Owner id → user name, for listings.</summary>
    public static async Task<Func<string, string>> NamesAsync(IAccountService accounts, CancellationToken cancellationToken)
    {
        var names = (await accounts.ListUsersAsync(cancellationToken)).ToDictionary(OwnerId, u => u.Name);
        return owner => names.GetValueOrDefault(owner, owner);
    }
}
