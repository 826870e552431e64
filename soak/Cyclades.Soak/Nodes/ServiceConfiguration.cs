using System.Globalization;
using System.Security.Cryptography;

namespace Cyclades.Soak.Nodes;

/// <summary>
/// The configuration every node (and <c>manage</c>) gets, as environment variables: one MariaDB, one
/// cluster, one secrets key, the soak's users; short leases and timeouts so that a kill is noticed
/// within seconds.
/// </summary>
public sealed class ServiceConfiguration(string assembly, string connectionString, IReadOnlyDictionary<string, string> cluster, IReadOnlyList<SoakUser> users)
{
    /// <summary>Per RAPI request attempt (the service requires more than Ganeti's 10 s job-wait long poll).</summary>
    public const int RapiTimeoutMs = 11_000;

    public const string BackendName = "soak";

    /// <summary>The service's built assembly (<c>Cyclades.Host.dll</c>), given by scripts/soak.</summary>
    public string Assembly { get; } = assembly;

    public string InstanceNamePrefix { get; } = "soak" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    private readonly string _secretsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Dictionary<string, string> For(string dataDirectory, bool dispatcher)
    {
        var settings = new Dictionary<string, string>(cluster)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // The logic's lines (jobs submitted, results applied, reconciliation) for the post-mortem; not a line per request.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Cyclades.Logic"] = "Information",
            ["Logging__LogLevel__Cyclades.Ganeti"] = "Information",
            ["Cyclades__DataDirectory"] = dataDirectory,
            ["Cyclades__Database__Provider"] = "MySql",
            ["Cyclades__Database__ConnectionString"] = connectionString,
            ["Cyclades__Secrets__Key"] = _secretsKey,
            ["Cyclades__Servers__InstanceNamePrefix"] = InstanceNamePrefix,
            ["Cyclades__Ganeti__RequestTimeoutMs"] = RapiTimeoutMs.ToString(CultureInfo.InvariantCulture),
            ["Cyclades__Dispatcher__Enabled"] = dispatcher ? "true" : "false",
            ["Cyclades__Dispatcher__LeaseTtlMs"] = "4000",
            ["Cyclades__Dispatcher__LeaseRenewMs"] = "1000",
            ["Cyclades__Dispatcher__BackoffMaxMs"] = "5000",
            ["Cyclades__Reconciliation__InitialDelaySeconds"] = "15",
            ["Cyclades__Reconciliation__IntervalSeconds"] = "30",
        };
        for (var i = 0; i < users.Count; i++)
        {
            settings[$"Cyclades__Bootstrap__Users__{i}__Name"] = users[i].Name;
            settings[$"Cyclades__Bootstrap__Users__{i}__AccessKeyId"] = users[i].AccessKeyId;
            settings[$"Cyclades__Bootstrap__Users__{i}__SecretAccessKey"] = users[i].SecretAccessKey;
        }
        return settings;
    }
}

public sealed record SoakUser(string Name, string AccessKeyId, string SecretAccessKey)
{
    public static SoakUser Numbered(int index) =>
        new($"soak-user-{index}", $"AKIDSOAK{index:D12}", $"soak-secret-{index}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
}
