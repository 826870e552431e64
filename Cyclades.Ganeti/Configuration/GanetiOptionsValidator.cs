using Cyclades.Logic.Backends;
using Cyclades.Ganeti.Rapi;
using Microsoft.Extensions.Options;

namespace Cyclades.Ganeti.Configuration;

/// <summary>Checks <see cref="GanetiOptions"/> at start-up; every message names the configuration key.</summary>
internal sealed class GanetiOptionsValidator : IValidateOptions<GanetiOptions>
{
    private const string Prefix = GanetiOptions.Section;

    public ValidateOptionsResult Validate(string? name, GanetiOptions options)
    {
        var errors = new List<string>();
        for (var index = 0; index < options.Clusters.Count; index++)
        {
            ValidateCluster($"{Prefix}:Clusters:{index}", options.Clusters[index], errors);
        }
        foreach (var duplicate in options.Clusters.GroupBy(cluster => cluster.Name).Where(group => group.Count() > 1))
        {
            errors.Add($"{Prefix}:Clusters: the name '{duplicate.Key}' is used {duplicate.Count()} times; cluster names must be unique");
        }
        if (options.RequestTimeoutMs <= 10_000)
        {
            errors.Add($"{Prefix}:RequestTimeoutMs must be more than 10000 (Ganeti's job-wait long poll lasts up to 10 s)");
        }
        Positive($"{Prefix}:ConnectTimeoutMs", options.ConnectTimeoutMs, errors);
        InRange($"{Prefix}:GetRetries", options.GetRetries, 0, 10, errors);
        InRange($"{Prefix}:RetryBaseDelayMs", options.RetryBaseDelayMs, 0, 60_000, errors);
        ValidateSimulator($"{Prefix}:Simulator", options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static void ValidateCluster(string key, GanetiClusterOptions cluster, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(cluster.Name))
        {
            errors.Add($"{key}:Name is required");
        }
        if (!PrivateNetwork.TryParse(cluster.Subnet, out _, out var subnetProblem))
        {
            errors.Add($"{key}:Subnet {subnetProblem}");
        }
        if (cluster.ExportRemoveTimeoutSeconds <= 0)
        {
            errors.Add($"{key}:ExportRemoveTimeoutSeconds must be positive");
        }
        if (cluster.ExportRemoveCommand.Count > 0 && !cluster.ExportRemoveCommand.Any(argument => argument.Contains("{instance}", StringComparison.Ordinal)))
        {
            errors.Add($"{key}:ExportRemoveCommand must pass {{instance}} (the export's instance name) to gnt-backup remove");
        }
        if (cluster.Simulated)
        {
            return;
        }
        if (!Uri.TryCreate(cluster.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{key}:Url must be the absolute https:// URL of the cluster's RAPI (or set {key}:Simulated to true)");
        }
        if (string.IsNullOrEmpty(cluster.User) != string.IsNullOrEmpty(cluster.Password))
        {
            errors.Add($"{key}:User and {key}:Password go together");
        }
        if (cluster.CertificateFingerprint is { } fingerprint && RapiCertificateValidation.NormalizeFingerprint(fingerprint).Length != 64)
        {
            errors.Add($"{key}:CertificateFingerprint must be a SHA-256 fingerprint: 64 hex digits (colons allowed)");
        }
        if (cluster.CaCertificateFile is { } file && !File.Exists(file))
        {
            errors.Add($"{key}:CaCertificateFile: no such file '{file}'");
        }
        if (cluster.InsecureSkipTlsVerify && (cluster.CertificateFingerprint is not null || cluster.CaCertificateFile is not null))
        {
            errors.Add($"{key}:InsecureSkipTlsVerify contradicts {key}:CertificateFingerprint / {key}:CaCertificateFile: set one");
        }
    }

    private static void ValidateSimulator(string key, GanetiOptions options, List<string> errors)
    {
        var simulator = options.Simulator;
        InRange($"{key}:JobLatencyMs", simulator.JobLatencyMs, 0, 600_000, errors);
        InRange($"{key}:SlowInstallMs", simulator.SlowInstallMs, 0, 600_000, errors);
        InRange($"{key}:JobWaitTimeoutMs", simulator.JobWaitTimeoutMs, 1, options.RequestTimeoutMs - 1, errors);
        Positive($"{key}:JobArchiveAfterMinutes", simulator.JobArchiveAfterMinutes, errors);
        InRange($"{key}:NodeCount", simulator.NodeCount, 1, 1000, errors);
        Positive($"{key}:NodeCpus", simulator.NodeCpus, errors);
        Positive($"{key}:NodeDiskMiB", simulator.NodeDiskMiB, errors);
        if (simulator.NodeReservedMemoryMiB < 0 || simulator.NodeMemoryMiB <= simulator.NodeReservedMemoryMiB)
        {
            errors.Add($"{key}:NodeMemoryMiB must be more than {key}:NodeReservedMemoryMiB (which must not be negative)");
        }
        if (simulator.OperatingSystems is { Count: 0 })
        {
            errors.Add($"{key}:OperatingSystems must list at least one OS (name+variant)");
        }
        if (simulator.DiskTemplates is { Count: 0 })
        {
            errors.Add($"{key}:DiskTemplates must list at least one disk template");
        }
    }

    private static void Positive(string key, int value, List<string> errors)
    {
        if (value <= 0)
        {
            errors.Add($"{key} must be positive");
        }
    }

    private static void InRange(string key, int value, int minimum, int maximum, List<string> errors)
    {
        if (value < minimum || value > maximum)
        {
            errors.Add($"{key} must be between {minimum} and {maximum}");
        }
    }
}
