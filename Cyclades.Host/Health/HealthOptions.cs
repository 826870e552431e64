using Microsoft.Extensions.Options;

namespace Cyclades.Host.Health;

/// <summary>Bound from <c>Cyclades:Health</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Cyclades:Health";

    /// <summary>
    /// How long <c>/readyz</c> answers from the last probe of the database and the clusters, so that a
    /// load balancer polling every node often cannot load them (0: probe on every request).
    /// </summary>
    public int CacheSeconds { get; set; } = 5;
}

public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    private const int MaxCacheSeconds = 60;

    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.CacheSeconds is >= 0 and <= MaxCacheSeconds
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{HealthOptions.Section}:CacheSeconds must be from 0 to {MaxCacheSeconds} (got {options.CacheSeconds}).");
}
