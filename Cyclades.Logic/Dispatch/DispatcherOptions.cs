using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Dispatch;

/// <summary>Bound from <c>Cyclades:Dispatcher</c>.</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Cyclades:Dispatcher";

    /// <summary>Off: this process submits jobs but never applies their results (another process must).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a backend's lease lasts without renewal; a standby takes over after it.</summary>
    public int LeaseTtlMs { get; set; } = 10_000;

    /// <summary>How often the leader renews its lease and a standby tries to take it.</summary>
    public int LeaseRenewMs { get; set; } = 3_000;

    /// <summary>How often the leader looks for pending tasks whose jobs another process submitted.</summary>
    public int PendingPollMs { get; set; } = 200;

    /// <summary>How often the leader scans the cluster's job list (jobs submitted outside the API).</summary>
    public int JobScanMs { get; set; } = 2_000;

    /// <summary>How often the leader compares the cluster's identity with the stored one (a rebuild restarts job ids).</summary>
    public int ClusterCheckMs { get; set; } = 10_000;

    /// <summary>How often the leader looks for tasks whose submitter died before recording their job (settled by reconciliation).</summary>
    public int SubmissionCheckMs { get; set; } = 5_000;

    /// <summary>How often the leader carries out the destroy requests of servers whose task has ended (also right after a task ends).</summary>
    public int DestroyRequestCheckMs { get; set; } = 2_000;

    /// <summary>How often images made from servers are checked against their exports: missed export results, exports no image uses.</summary>
    public int ImageExportCheckMs { get; set; } = 30_000;

    /// <summary>How often the set of enabled backends is read again.</summary>
    public int BackendRefreshMs { get; set; } = 5_000;

    /// <summary>First wait after a failure to reach the cluster or the database; doubled per failure up to <see cref="BackoffMaxMs"/>.</summary>
    public int BackoffInitialMs { get; set; } = 500;

    public int BackoffMaxMs { get; set; } = 30_000;

    /// <summary>Job-wait long polls in flight per backend; jobs beyond it are caught by the job scan.</summary>
    public int MaxConcurrentWaits { get; set; } = 64;

    internal TimeSpan LeaseTtl => TimeSpan.FromMilliseconds(LeaseTtlMs);
    internal TimeSpan LeaseRenew => TimeSpan.FromMilliseconds(LeaseRenewMs);
    internal TimeSpan PendingPoll => TimeSpan.FromMilliseconds(PendingPollMs);
    internal TimeSpan JobScan => TimeSpan.FromMilliseconds(JobScanMs);
    internal TimeSpan ClusterCheck => TimeSpan.FromMilliseconds(ClusterCheckMs);
    internal TimeSpan SubmissionCheck => TimeSpan.FromMilliseconds(SubmissionCheckMs);
    internal TimeSpan DestroyRequestCheck => TimeSpan.FromMilliseconds(DestroyRequestCheckMs);
    internal TimeSpan ImageExportCheck => TimeSpan.FromMilliseconds(ImageExportCheckMs);
    internal TimeSpan BackendRefresh => TimeSpan.FromMilliseconds(BackendRefreshMs);
    internal TimeSpan BackoffInitial => TimeSpan.FromMilliseconds(BackoffInitialMs);
    internal TimeSpan BackoffMax => TimeSpan.FromMilliseconds(BackoffMaxMs);
}

internal sealed class DispatcherOptionsValidator : IValidateOptions<DispatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatcherOptions o)
    {
        var failures = new List<string>();
        void Positive(int value, string key)
        {
            if (value <= 0)
            {
                failures.Add($"{DispatcherOptions.Section}:{key} must be a positive number of milliseconds (got {value}).");
            }
        }
        Positive(o.LeaseTtlMs, nameof(o.LeaseTtlMs));
        Positive(o.LeaseRenewMs, nameof(o.LeaseRenewMs));
        Positive(o.PendingPollMs, nameof(o.PendingPollMs));
        Positive(o.JobScanMs, nameof(o.JobScanMs));
        Positive(o.ClusterCheckMs, nameof(o.ClusterCheckMs));
        Positive(o.SubmissionCheckMs, nameof(o.SubmissionCheckMs));
        Positive(o.DestroyRequestCheckMs, nameof(o.DestroyRequestCheckMs));
        Positive(o.ImageExportCheckMs, nameof(o.ImageExportCheckMs));
        Positive(o.BackendRefreshMs, nameof(o.BackendRefreshMs));
        Positive(o.BackoffInitialMs, nameof(o.BackoffInitialMs));
        Positive(o.BackoffMaxMs, nameof(o.BackoffMaxMs));
        if (o.MaxConcurrentWaits <= 0)
        {
            failures.Add($"{DispatcherOptions.Section}:MaxConcurrentWaits must be positive (got {o.MaxConcurrentWaits}).");
        }
        if (o.LeaseTtlMs > 0 && o.LeaseRenewMs * 2 > o.LeaseTtlMs)
        {
            failures.Add($"{DispatcherOptions.Section}:LeaseRenewMs ({o.LeaseRenewMs}) must be at most half of LeaseTtlMs ({o.LeaseTtlMs}), so a renewal can fail once without losing the lease.");
        }
        if (o.BackoffMaxMs < o.BackoffInitialMs)
        {
            failures.Add($"{DispatcherOptions.Section}:BackoffMaxMs ({o.BackoffMaxMs}) must not be below BackoffInitialMs ({o.BackoffInitialMs}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
