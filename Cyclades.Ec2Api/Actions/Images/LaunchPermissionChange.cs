using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>A ModifyImageAttribute launch-permission change, from either of its forms, with the accounts as logic users.</summary>
/// <param name="Everyone">True: share with all; false: no longer with all; null: unchanged.</param>
public sealed record LaunchPermissionChange(IReadOnlyList<string> AddUsers, IReadOnlyList<string> RemoveUsers, bool? Everyone)
{
    /// <summary>Null when the request changes no launch permission.</summary>
    public static LaunchPermissionChange? Of(ModifyImageAttributeRequest request)
    {
        if (request.LaunchPermission is { } structured && (structured.Add.Count > 0 || structured.Remove.Count > 0))
        {
            return Build(structured.Add.Select(p => (p.UserId, p.Group)).ToList(), structured.Remove.Select(p => (p.UserId, p.Group)).ToList());
        }
        if (request.Attribute == ImageAttributes.LaunchPermission || request.UserIds.Count > 0 || request.UserGroups.Count > 0)
        {
            var items = request.UserIds.Select(u => ((string?)u, (string?)null)).Concat(request.UserGroups.Select(g => ((string?)null, (string?)g))).ToList();
            if (items.Count == 0)
            {
                throw Ec2Errors.MissingParameter("UserId");
            }
            return request.OperationType switch
            {
                "add" => Build(items, []),
                "remove" => Build([], items),
                _ => throw Ec2Errors.MissingParameter("OperationType"),
            };
        }
        return null;
    }

    private static LaunchPermissionChange Build(IReadOnlyList<(string? UserId, string? Group)> add, IReadOnlyList<(string? UserId, string? Group)> remove)
    {
        bool? everyone = remove.Any(IsAll) ? false : null;
        everyone = add.Any(IsAll) ? true : everyone;
        return new LaunchPermissionChange(Users(add), Users(remove), everyone);
    }

    private static bool IsAll((string? UserId, string? Group) item) => item.Group is not null && Group(item.Group);

    private static bool Group(string group) =>
        group == ImageAttributes.GroupAll ? true : throw Ec2Errors.InvalidAmiAttributeItemValue($"Invalid attribute item value \"{group}\" for group item type.");

    private static List<string> Users(IReadOnlyList<(string? UserId, string? Group)> items) =>
        items.Where(i => i.Group is null || !Group(i.Group)).Select(i => i.UserId is { } account && ImageOwners.TryParseAccount(account, out var user)
            ? user
            : throw Ec2Errors.InvalidAmiAttributeItemValue($"Invalid attribute item value \"{i.UserId}\" for userId item type.")).ToList();
}
