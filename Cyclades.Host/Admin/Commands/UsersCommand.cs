using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Accounts;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage users add|list|disable|enable</c>.</summary>
public static class UsersCommand
{
    public static readonly Column<User>[] Columns =
    [
        new("Id", u => u.Id),
        new("Name", u => u.Name),
        new("Disabled", u => u.Disabled),
        new("Created", u => u.CreatedAt),
    ];

    public static Command Create(AdminSession session)
    {
        var name = new Argument<string>("name") { Description = "The user's name: 1-64 letters, digits or +=,.@_-." };
        var add = new Command("add", "Create a user (then give them a key with 'keys create').") { name };
        session.Handle(add, async (parse, output, ct) =>
        {
            output.Record(await session.Get<IAccountService>().CreateUserAsync(parse.GetRequiredValue(name), ct), Columns);
            return 0;
        });

        var list = new Command("list", "List the users.");
        session.Handle(list, async (_, output, ct) =>
        {
            output.Table(await session.Get<IAccountService>().ListUsersAsync(ct), Columns);
            return 0;
        });

        return new Command("users", "Users: the owners of servers and access keys.")
        {
            add, list, SetDisabled(session, "disable", true, "Disable a user: their keys stop working at once; their servers stay."),
            SetDisabled(session, "enable", false, "Enable a disabled user again."),
        };
    }

    private static Command SetDisabled(AdminSession session, string verb, bool disabled, string description) =>
        CommandShapes.OnOne(session, verb, description, "The user's name.",
            (name, ct) => session.Get<IAccountService>().SetUserDisabledAsync(name, disabled, ct), Columns);
}
