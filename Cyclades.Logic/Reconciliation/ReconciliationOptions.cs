using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Reconciliation;

/// <summary>Bound from <c>Cyclades:Reconciliation</c>: the periodic reconciliation run by each backend's active dispatcher.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Cyclades:Reconciliation";

    /// <summary>Off: reconciliation runs only on demand (the admin CLI).</summary>
    public bool Enabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 300;

    /// <summary>The first run after this process becomes a backend's dispatcher.</summary>
    public int InitialDelaySeconds { get; set; } = 60;

    /// <summary>Periodic runs apply the fixes; false: they only report (log and metrics).</summary>
    public bool Fix { get; set; } = true;

    internal TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
    internal TimeSpan InitialDelay => TimeSpan.FromSeconds(InitialDelaySeconds);
}

internal sealed class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconciliationOptions o)
    {
        var failures = new List<string>();
        if (o.IntervalSeconds <= 0)
        {
            failures.Add($"{ReconciliationOptions.Section}:IntervalSeconds must be positive (got {o.IntervalSeconds}).");
        }
        if (o.InitialDelaySeconds < 0)
        {
            failures.Add($"{ReconciliationOptions.Section}:InitialDelaySeconds must not be negative (got {o.InitialDelaySeconds}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
