using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Hosting;

public sealed partial class Ec2ApiOptionsValidator : IValidateOptions<Ec2ApiOptions>
{
    private const long MinBody = 1024;
    private const long MaxBody = 64L * 1024 * 1024;
    private static readonly TimeSpan MaxTerminatedVisibleFor = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, Ec2ApiOptions options)
    {
        var failures = new List<string>();
        if (options.Region is null || !RegionPattern().IsMatch(options.Region))
        {
            failures.Add($"{Ec2ApiOptions.Section}:Region must be lower-case letters, digits and single dashes, e.g. cyclades-1 (got '{options.Region}').");
        }
        if (options.MaxRequestBodyBytes is < MinBody or > MaxBody)
        {
            failures.Add($"{Ec2ApiOptions.Section}:MaxRequestBodyBytes must be from {MinBody} to {MaxBody} (got {options.MaxRequestBodyBytes}).");
        }
        if (options.TerminatedVisibleFor < TimeSpan.Zero || options.TerminatedVisibleFor > MaxTerminatedVisibleFor)
        {
            failures.Add($"{Ec2ApiOptions.Section}:TerminatedVisibleFor must be from 00:00:00 to {MaxTerminatedVisibleFor} (got {options.TerminatedVisibleFor}).");
        }
        if (options.MaxConcurrentReads is < 1)
        {
            failures.Add($"{Ec2ApiOptions.Section}:MaxConcurrentReads must be at least 1 (got {options.MaxConcurrentReads}).");
        }
        if (options.MaxQueuedReads < 0)
        {
            failures.Add($"{Ec2ApiOptions.Section}:MaxQueuedReads must be 0 or more (got {options.MaxQueuedReads}).");
        }
        failures.AddRange(options.VolumeTypes.Keys.Where(t => !Actions.Volumes.VolumeTypeMapping.IsEc2Type(t))
            .Select(t => $"{Ec2ApiOptions.Section}:VolumeTypes:{t} is not an EC2 volume type ({string.Join(", ", Actions.Volumes.VolumeTypeMapping.Ec2Types)})."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RegionPattern();
}
