using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Reconciliation;

namespace Cyclades.Tests.Dispatch;

[Category("Unit")]
public sealed class DispatchOptionsTests
{
    [Test]
    public void The_defaults_are_valid() =>
        Assert.That((new DispatcherOptionsValidator().Validate(null, new DispatcherOptions()).Succeeded,
            new ReconciliationOptionsValidator().Validate(null, new ReconciliationOptions()).Succeeded), Is.EqualTo((true, true)));

    [Test]
    public void Bad_dispatcher_values_are_reported_by_their_keys()
    {
        var result = new DispatcherOptionsValidator().Validate(null, new DispatcherOptions { LeaseTtlMs = 4000, LeaseRenewMs = 3000, JobScanMs = 0, BackoffMaxMs = 10 });

        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "Cyclades:Dispatcher:JobScanMs must be a positive number of milliseconds (got 0).",
            "Cyclades:Dispatcher:LeaseRenewMs (3000) must be at most half of LeaseTtlMs (4000), so a renewal can fail once without losing the lease.",
            "Cyclades:Dispatcher:BackoffMaxMs (10) must not be below BackoffInitialMs (500).",
        }));
    }

    [Test]
    public void Bad_reconciliation_values_are_reported_by_their_keys()
    {
        var result = new ReconciliationOptionsValidator().Validate(null, new ReconciliationOptions { IntervalSeconds = 0, InitialDelaySeconds = -1 });

        Assert.That(result.Failures, Has.Some.StartsWith("Cyclades:Reconciliation:IntervalSeconds")
            .And.Some.StartsWith("Cyclades:Reconciliation:InitialDelaySeconds"));
    }

    [Test]
    public void A_submission_heartbeat_must_fit_three_times_in_the_abandonment_age()
    {
        var result = new Cyclades.Logic.Servers.ServerOptionsValidator().Validate(null,
            new Cyclades.Logic.Servers.ServerOptions { SubmissionHeartbeatSeconds = 20, AbandonedSubmissionSeconds = 30, MaxParallelSubmissionsPerCluster = 0 });

        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "Cyclades:Servers:MaxParallelSubmissionsPerCluster must be between 1 and 256 (got 0).",
            "Cyclades:Servers:AbandonedSubmissionSeconds (30) must be at least three heartbeats (60), so a late renewal is not taken for a dead process.",
        }));
    }
}
