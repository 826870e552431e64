using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Accounts;

public sealed class BootstrapOptionsValidator : IValidateOptions<BootstrapOptions>
{
    public ValidateOptionsResult Validate(string? name, BootstrapOptions options)
    {
        var failures = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (index, user) in options.Users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var key = $"{BootstrapOptions.Section}:Users:{index}";
            if (!AccountNames.IsValidUserName(user.Name))
            {
                failures.Add($"{key}:Name must be 1 to 64 letters, digits or +=,.@_- (got '{user.Name}').");
            }
            if (!AccountNames.IsValidAccessKeyId(user.AccessKeyId))
            {
                failures.Add($"{key}:AccessKeyId must be 4 to 128 letters and digits (got '{user.AccessKeyId}').");
            }
            else if (owners.TryGetValue(user.AccessKeyId!, out var owner) && owner != user.Name)
            {
                failures.Add($"{key}:AccessKeyId '{user.AccessKeyId}' is already given to user '{owner}'.");
            }
            else
            {
                owners[user.AccessKeyId!] = user.Name ?? "";
            }
            if (!AccountNames.IsValidSecretAccessKey(user.SecretAccessKey))
            {
                failures.Add($"{key}:SecretAccessKey must be 6 to 128 printable ASCII characters without spaces.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
