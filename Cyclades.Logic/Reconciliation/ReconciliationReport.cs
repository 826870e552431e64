namespace Cyclades.Logic.Reconciliation;

/// <summary>The kinds of difference between the database and a cluster (reference §8.2).</summary>
public enum FindingKind
{
    /// <summary>In the database, gone from the cluster: the server is destroyed.</summary>
    StaleServer,

    /// <summary>On the cluster with our name, not a server of the database: the instance is removed.</summary>
    OrphanInstance,

    /// <summary>Running on the cluster but not STARTED here, or the other way round; or a BUILD whose create finished.</summary>
    UnsyncedState,

    /// <summary>A BUILD server whose create job failed or is unknown: the server goes to ERROR.</summary>
    BuildError,

    /// <summary>The cluster's vCPUs or memory differ from the server's flavor (fixed when a flavor with those specs exists).</summary>
    UnsyncedFlavor,

    /// <summary>A task whose job finished (its result is applied) or that the cluster does not know (the task is cleared).</summary>
    StaleTask,

    /// <summary>A new server whose launch's process died before recording its create job: it takes the job the cluster has, or is released.</summary>
    UnsubmittedBuild,

    /// <summary>A task whose process died before recording its job: it takes the job the cluster has, or is cleared (commission rejected).</summary>
    UnsubmittedTask,

    /// <summary>A disk of the instance that no volume stands for: adopted as an IN_USE volume, its size commissioned.</summary>
    UnknownDisk,

    /// <summary>A volume in use whose disk the instance does not have: deleted, its size released (a root volume is only reported).</summary>
    MissingDisk,

    /// <summary>A volume whose disk has another size or index on the cluster: it takes the cluster's (a size change commissioned).</summary>
    UnsyncedDisk,

    /// <summary>A NIC of the instance that no port stands for: adopted as a port (a public address as a floating IP, commissioned).</summary>
    UnknownNic,

    /// <summary>A port of the server whose NIC the instance does not have: it leaves the server (deleted if it goes with it).</summary>
    MissingNic,

    /// <summary>A NIC on a cluster network the core does not have (a deleted subnet's, or never ours): reported for an operator.</summary>
    NicNetworkGone,

    /// <summary>The instance's firewall tags differ from those of its ports' groups (a push lost while the cluster was out of reach, or an administrator's change): pushed again.</summary>
    UnsyncedFirewall,
}

/// <summary>One difference, what reconciliation did about it, and whether that worked.</summary>
/// <param name="Detail">What differs, for people.</param>
/// <param name="Fix">What fix mode does (or did) about it; null when it cannot be fixed automatically.</param>
/// <param name="Fixed">The fix was applied.</param>
/// <param name="Error">Why the fix failed.</param>
public sealed record ReconciliationFinding(
    FindingKind Kind,
    string InstanceName,
    long? ServerId,
    string Detail,
    string? Fix,
    bool Fixed = false,
    string? Error = null);

/// <summary>What reconciliation of one backend found and did.</summary>
/// <param name="Fix">Fix mode (false: dry run, nothing changed).</param>
public sealed record ReconciliationReport(
    long BackendId,
    string BackendName,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Fix,
    IReadOnlyList<ReconciliationFinding> Findings)
{
    public IReadOnlyDictionary<FindingKind, int> CountsByKind =>
        Findings.GroupBy(f => f.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}

/// <param name="Fix">Apply the fixes (else only report).</param>
/// <param name="Kinds">Only these kinds; null = all.</param>
public sealed record ReconciliationRequest(bool Fix, IReadOnlySet<FindingKind>? Kinds = null)
{
    public static ReconciliationRequest DryRun { get; } = new(Fix: false);

    public static ReconciliationRequest FixAll { get; } = new(Fix: true);

    /// <summary>After a cluster rebuild: clear the tasks whose jobs the cluster no longer has.</summary>
    public static ReconciliationRequest StaleTasksOnly { get; } = new(Fix: true, new HashSet<FindingKind> { FindingKind.StaleTask });

    /// <summary>The dispatcher settling tasks whose submitter died.</summary>
    public static ReconciliationRequest UnsubmittedOnly { get; } = new(Fix: true, new HashSet<FindingKind> { FindingKind.UnsubmittedBuild, FindingKind.UnsubmittedTask });

    public bool Includes(FindingKind kind) => Kinds?.Contains(kind) ?? true;
}
