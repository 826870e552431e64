using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Persistence;

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider == DatabaseProvider.MySql && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:ConnectionString is required when {DatabaseOptions.Section}:Provider is MySql.")
            : ValidateOptionsResult.Success;
}
