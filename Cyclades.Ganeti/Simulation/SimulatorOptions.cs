namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// Settings of a <see cref="SimulatedGanetiCluster"/>; bound from <c>Cyclades:Ganeti:Simulator</c>.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>How long a job takes from submission to its end: a quarter queued, the rest running. 0 = at once.</summary>
    public int JobLatencyMs { get; set; } = 300;

    /// <summary>Extra running time of a create with an OS variant named <c>slow</c>.</summary>
    public int SlowInstallMs { get; set; } = 5000;

    /// <summary>How long a job-wait long poll waits for a change before answering null (Ganeti: 10 s).</summary>
    public int JobWaitTimeoutMs { get; set; } = 10_000;

    /// <summary>Finished jobs leave the job list (but stay readable by id) after this long, as Ganeti's watcher archives them.</summary>
    public int JobArchiveAfterMinutes { get; set; } = 360;

    public int NodeCount { get; set; } = 1;

    public int NodeMemoryMiB { get; set; } = 65_536;

    /// <summary>Memory the node itself uses (Ganeti's <c>mnode</c>).</summary>
    public int NodeReservedMemoryMiB { get; set; } = 1024;

    public int NodeDiskMiB { get; set; } = 1_048_576;

    public int NodeCpus { get; set; } = 16;

    /// <summary>The cluster's name in <c>/2/info</c>; a configured simulated cluster is named after its backend.</summary>
    public string ClusterName { get; set; } = "simulated.cluster";

    /// <summary>The disk templates instances may use; null = <c>diskless</c>, <c>file</c>, <c>plain</c>.</summary>
    public List<string>? DiskTemplates { get; set; }

    /// <summary>
    /// The OS names with variants it accepts; null = <c>noop+default</c>, <c>noop+slow</c>,
    /// <c>noop+fail</c>, <c>snf-image+default</c>. Variant <c>fail</c> fails the OS install and
    /// <c>slow</c> lasts <see cref="SlowInstallMs"/> longer; as on Ganeti, OS scripts run only for
    /// instances with disks. OS parameters are not checked.
    /// </summary>
    public List<string>? OperatingSystems { get; set; }

    public string DefaultHypervisor { get; set; } = "fake";

    /// <summary>A copy, so that a change to one simulated cluster's settings leaves the others alone.</summary>
    public SimulatorOptions Clone() => (SimulatorOptions)MemberwiseClone();

    internal IReadOnlyList<string> EffectiveDiskTemplates => DiskTemplates ?? ["diskless", "file", "plain"];

    internal IReadOnlyList<string> EffectiveOperatingSystems =>
        OperatingSystems ?? ["noop+default", "noop+slow", "noop+fail", "snf-image+default"];
}
