using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Quotas;

/// <summary>Bound from <c>Cyclades:Quotas</c>.</summary>
public sealed class QuotaOptions
{
    public const string Section = "Cyclades:Quotas";

    /// <summary>Limits of every user without a per-user override.</summary>
    public QuotaDefaults Default { get; set; } = new();
}

/// <summary>Bound from <c>Cyclades:Quotas:Default</c>.</summary>
public sealed class QuotaDefaults
{
    public long Vms { get; set; } = 64;

    public long TotalCpu { get; set; } = 128;

    /// <summary>vCPUs of active servers.</summary>
    public long Cpu { get; set; } = 128;

    public long TotalRamMiB { get; set; } = 256 * 1024;

    /// <summary>RAM of active servers.</summary>
    public long RamMiB { get; set; } = 256 * 1024;

    public long DiskGiB { get; set; } = 4096;

    /// <summary>Private networks (AWS's default limit of VPCs per region).</summary>
    public long PrivateNetworks { get; set; } = 5;

    /// <summary>The limit of each resource in its quota unit (bytes for RAM and disk).</summary>
    public long LimitOf(QuotaResource resource) => resource switch
    {
        QuotaResource.Vm => Vms,
        QuotaResource.TotalCpu => TotalCpu,
        QuotaResource.Cpu => Cpu,
        QuotaResource.TotalRam => TotalRamMiB << 20,
        QuotaResource.Ram => RamMiB << 20,
        QuotaResource.Disk => DiskGiB << 30,
        QuotaResource.NetworkPrivate => PrivateNetworks,
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };
}

internal sealed class QuotaOptionsValidator : IValidateOptions<QuotaOptions>
{
    private const string Prefix = QuotaOptions.Section + ":Default:";

    public ValidateOptionsResult Validate(string? name, QuotaOptions options)
    {
        var d = options.Default;
        var failures = new[]
            {
                Check(nameof(d.Vms), d.Vms, long.MaxValue),
                Check(nameof(d.TotalCpu), d.TotalCpu, long.MaxValue),
                Check(nameof(d.Cpu), d.Cpu, long.MaxValue),
                Check(nameof(d.TotalRamMiB), d.TotalRamMiB, long.MaxValue >> 20),
                Check(nameof(d.RamMiB), d.RamMiB, long.MaxValue >> 20),
                Check(nameof(d.DiskGiB), d.DiskGiB, long.MaxValue >> 30),
                Check(nameof(d.PrivateNetworks), d.PrivateNetworks, long.MaxValue),
            }
            .OfType<string>()
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? Check(string key, long value, long max) =>
        value < 0 ? $"{Prefix}{key} must be ≥ 0 (got {value})."
        : value > max ? $"{Prefix}{key} must be ≤ {max} (got {value})."
        : null;
}
