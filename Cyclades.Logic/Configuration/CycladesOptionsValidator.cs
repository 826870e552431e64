using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Configuration;

public sealed class CycladesOptionsValidator : IValidateOptions<CycladesOptions>
{
    public ValidateOptionsResult Validate(string? name, CycladesOptions options) =>
        string.IsNullOrWhiteSpace(options.DataDirectory)
            ? ValidateOptionsResult.Fail($"{CycladesOptions.Section}:DataDirectory must name a directory.")
            : ValidateOptionsResult.Success;
}
