using Cyclades.Ganeti.Simulation;

namespace Cyclades.Ganeti.Configuration;

/// <summary>Bound from <c>Cyclades:Ganeti</c>. With no cluster configured, one simulated cluster is the embedded default.</summary>
public sealed class GanetiOptions
{
    public const string Section = "Cyclades:Ganeti";

    /// <summary>The backend name of the embedded default's simulated cluster.</summary>
    public const string DefaultSimulatedClusterName = "simulated";

    public List<GanetiClusterOptions> Clusters { get; set; } = [];

    /// <summary>Settings of every simulated cluster.</summary>
    public SimulatorOptions Simulator { get; set; } = new();

    /// <summary>Per RAPI request attempt; more than Ganeti's 10 s job-wait long poll.</summary>
    public int RequestTimeoutMs { get; set; } = 30_000;

    public int ConnectTimeoutMs { get; set; } = 5_000;

    /// <summary>Retries of a failed GET (a POST, PUT or DELETE is never retried: it may have created a job).</summary>
    public int GetRetries { get; set; } = 3;

    /// <summary>First retry delay, doubled each time, with jitter.</summary>
    public int RetryBaseDelayMs { get; set; } = 200;
}
