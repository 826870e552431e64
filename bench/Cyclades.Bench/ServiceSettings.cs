using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;

namespace Cyclades.Bench;

/// <summary>How the benchmark configures the service for the read, write and scale measurements.</summary>
public static class ServiceSettings
{
    public const string BackendName = "simulated";

    /// <summary>Room for every fleet size (a /8 holds 16.7 million servers).</summary>
    public const string Subnet = "10.0.0.0/8";

    /// <summary>A fixed key (required on MariaDB); the data is thrown away after the run.</summary>
    private const string SecretsKey = "YmVuY2gtb25seS1zZWNyZXRzLWtleS0zMi1ieXRlcyE=";

    public static Dictionary<string, string> For(BenchDatabase database, string dataDirectory)
    {
        var settings = new Dictionary<string, string>
        {
            ["Cyclades:DataDirectory"] = dataDirectory,
            ["Cyclades:Secrets:Key"] = SecretsKey,
            ["Cyclades:Ganeti:Clusters:0:Name"] = BackendName,
            ["Cyclades:Ganeti:Clusters:0:Simulated"] = "true",
            ["Cyclades:Ganeti:Clusters:0:Subnet"] = Subnet,
            ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = "0",
            ["Cyclades:Quotas:Default:Vms"] = "1000000",
            ["Cyclades:Quotas:Default:TotalCpu"] = "1000000",
            ["Cyclades:Quotas:Default:Cpu"] = "1000000",
            ["Cyclades:Quotas:Default:TotalRamMiB"] = "1000000000",
            ["Cyclades:Quotas:Default:RamMiB"] = "1000000000",
            ["Cyclades:Quotas:Default:DiskGiB"] = "1000000000",
            ["Cyclades:Bench:CeilingEndpoint"] = "true",
            // The simulated cluster lives in the service process and does not hold the bulk fleet:
            // periodic reconciliation would (rightly) find every fleet instance gone.
            ["Cyclades:Reconciliation:Enabled"] = "false",
        };
        foreach (var (key, value) in database.ServiceSettings().Concat(FleetUsers.BootstrapSettings()))
        {
            settings[key] = value;
        }
        return settings;
    }
}
