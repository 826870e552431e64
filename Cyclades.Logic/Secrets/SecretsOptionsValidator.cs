using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Secrets;

/// <summary>A configured key must be base64 of 32 bytes; a shared database (MySql) needs one configured.</summary>
public sealed class SecretsOptionsValidator(IOptions<DatabaseOptions> database) : IValidateOptions<SecretsOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            return database.Value.Provider == DatabaseProvider.MySql
                ? ValidateOptionsResult.Fail(
                    $"{SecretsOptions.KeySetting} is required when {DatabaseOptions.Section}:Provider is MySql (base64 of 32 random bytes, e.g. `openssl rand -base64 32`).")
                : ValidateOptionsResult.Success;
        }
        return options.TryDecodeKey() is null
            ? ValidateOptionsResult.Fail($"{SecretsOptions.KeySetting} must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`).")
            : ValidateOptionsResult.Success;
    }
}
