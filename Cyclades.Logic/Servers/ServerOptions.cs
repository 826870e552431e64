using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Servers;

/// <summary>Bound from <c>Cyclades:Servers</c>.</summary>
public sealed class ServerOptions
{
    public const string Section = "Cyclades:Servers";

    /// <summary>Instance names are <c>&lt;prefix&gt;-&lt;id&gt;</c>; instances with other names are not ours.</summary>
    public string InstanceNamePrefix { get; set; } = "snf";

    /// <summary>
    /// How long a call that waits for its task (an instance-type change) waits for the cluster's job
    /// to be recorded before it answers "try again". Below the 60 s read timeout of the AWS SDKs.
    /// </summary>
    public TimeSpan TaskWaitTimeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>How often such a call reads the database for the task's end.</summary>
    public TimeSpan TaskPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}

internal sealed partial class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var errors = new List<string>();
        if (!PrefixPattern().IsMatch(options.InstanceNamePrefix ?? ""))
        {
            errors.Add($"{ServerOptions.Section}:InstanceNamePrefix must be 1-16 lower-case letters or digits starting with a letter (got '{options.InstanceNamePrefix}').");
        }
        if (options.TaskWaitTimeout <= TimeSpan.Zero || options.TaskWaitTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{ServerOptions.Section}:TaskWaitTimeout must be above zero and at most 10 minutes (got {options.TaskWaitTimeout}).");
        }
        if (options.TaskPollInterval <= TimeSpan.Zero || options.TaskPollInterval > TimeSpan.FromSeconds(10))
        {
            errors.Add($"{ServerOptions.Section}:TaskPollInterval must be above zero and at most 10 seconds (got {options.TaskPollInterval}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z][a-z0-9]{0,15}$")]
    private static partial Regex PrefixPattern();
}
