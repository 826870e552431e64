using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Servers;

/// <summary>Bound from <c>Cyclades:Servers</c>.</summary>
public sealed class ServerOptions
{
    public const string Section = "Cyclades:Servers";

    /// <summary>Instance names are <c>&lt;prefix&gt;-&lt;id&gt;</c>; instances with other names are not ours.</summary>
    public string InstanceNamePrefix { get; set; } = "snf";
}

internal sealed partial class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options) =>
        PrefixPattern().IsMatch(options.InstanceNamePrefix ?? "")
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ServerOptions.Section}:InstanceNamePrefix must be 1-16 lower-case letters or digits starting with a letter (got '{options.InstanceNamePrefix}').");

    [GeneratedRegex("^[a-z][a-z0-9]{0,15}$")]
    private static partial Regex PrefixPattern();
}
