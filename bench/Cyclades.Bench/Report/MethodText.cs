using System.Globalization;

namespace Cyclades.Bench.Report;

/// <summary>How each number was measured, printed next to the numbers.</summary>
public static class MethodText
{
    public static string Render(BenchPlan plan)
    {
        var s = (double seconds) => seconds.ToString("0", CultureInfo.InvariantCulture) + " s";
        var n = (int count) => count.ToString("N0", CultureInfo.InvariantCulture);
        return $"""
            ## Method

            - **Service**: the Release build run as its own process (`dotnet Cyclades.Host.dll`, default
              logging and GC settings, log to a file), one simulated Ganeti cluster with `JobLatencyMs=0` and
              subnet 10.0.0.0/8, quotas raised so that they never bind, and `Cyclades:Bench:CeilingEndpoint=true`
              (off by default). SQLite is the embedded default (a file in the run directory); MariaDB is a
              throwaway `mariadbd` with default durability (log flushed at each commit), no binary log, a 1 GiB
              buffer pool and SSD flushing rates. Periodic reconciliation is off (the simulated cluster, inside
              the service process, does not hold the bulk fleet). A fresh service is warmed up
              ({s(plan.ServiceWarmup.TotalSeconds)} of DescribeInstances at c=16) before its first measurement.
            - **Data**: the service starts on an empty database (its migrations, catalog and backend sync, and
              the bootstrap of 11 users with fixed keys); then the benchmark adds the fleet in bulk with
              multi-row INSERTs into the product's tables (1,000 rows a statement, 20,000 a transaction), not
              through the API. Each fleet instance is its own reservation; instances are dealt to 10 owners in
              turn, so the reader owns a tenth; 90 % running, 10 % stopped; one Name tag each; addresses from the
              bottom of the network up, as the service hands them out; deterministic (FleetGenerator). After each
              load the database settles (SQLite checkpoints its WAL; MariaDB runs ANALYZE TABLE and flushes its
              dirty pages) before anything is measured.
            - **(1) Read path**: AWSSDK.EC2 sends the reader's `DescribeInstances(MaxResults=100)` once; that
              request — SigV4 header auth with the SDK's signed headers — is recorded and replayed by `wrk` (a
              separate process, keep-alive connections, {s(plan.LoadDuration.TotalSeconds)} per point after a
              {s(plan.Warmup.TotalSeconds)} warm-up) at c = {string.Join(", ", plan.Concurrencies)}. The service
              verifies the signature and runs the whole pipeline on every request; any non-200 answer voids the
              point. **Ceiling**: the same request to `/__bench/ceiling` in the same process, which answers the
              answer bytes captured from the real call before the EC2 pipeline (transport only), measured right
              after the service at each concurrency for {s(plan.CeilingDuration.TotalSeconds)}. Fleet: {n(plan.FleetSize)} instances, the reader's
              {n(plan.ReaderInstances)}. **CPU ms/req** is the CPU time (user + system, /proc) the service process
              used during the point divided by the requests answered — steadier than throughput on a shared
              machine; at low concurrency it includes the runtime's idle spinning and the dispatcher's polls.
            - **Peer**: `python3 -m moto.server` loaded through boto3 `run_instances` with {n(plan.MotoInstances)}
              instances (the reader's share only: the first 100 one per call so that its first page also holds one
              instance per reservation, the rest 1,000 a call), sent the same request (signed by AWSSDK.EC2 for
              moto's address; moto ignores signatures) by wrk for about three answers per connection
              ({s(plan.MotoDuration.TotalSeconds)} to {s(plan.MotoMaxDuration.TotalSeconds)} per point, 60 s
              timeout; a point with no answer in that time is not measured). moto pages by reservation, so its
              page also holds 100 instances.
            - **(2) Write path**: {plan.WriteConcurrency} workers in the benchmark process, each looping
              RunInstances (AWSSDK.EC2, `t2.nano`, 1 instance, the SDK's own ClientToken) → DescribeInstances by id
              every 2 ms until `running` → TerminateInstances, for {s(plan.WriteDuration.TotalSeconds)}; the user is
              the writer (no other instances, but the backend holds the whole fleet). Launches/s = completed cycles
              ÷ time. **Ceiling**: right after, on the same database, {plan.WriteConcurrency} connections each
              looping one bare transaction begun as the service begins its writes (BEGIN IMMEDIATE on SQLite, READ
              COMMITTED on MariaDB): INSERT a server row, read its id, UPDATE it (name, DESTROYED, deleted), COMMIT.
            - **(3) Scale**: on MariaDB, the reader's first page at c=1 for {s(plan.ScaleDuration.TotalSeconds)}
              (wrk, after a warm-up) with {string.Join(", ", plan.ScaleSizes.Select(n))} instances — the same
              database grown in place, the reader always owning a tenth.
            - **(4) Propagation**: only with the real Ganeti test cluster (`source <(scripts/ganeti-test-cluster env)`):
              the service configured like `appsettings.GanetiTest.json` on SQLite; {plan.PropagationInstances}
              instances are stopped and started in turn ({plan.PropagationJobs} jobs); after each stop/start is
              accepted, DescribeInstances is polled back to back until the new state shows; lag = that moment − the
              job's `end_ts` read from the RAPI afterwards (same clock).
            - **(5) Memory**: `VmHWM` (peak resident set) of the service process read from /proc right after its
              read-path measurements; MB = 10⁶ bytes.
            - Percentiles of wrk points come from wrk's own histogram; those of the benchmark's clients are exact
              (nearest rank). The machine is shared with nothing else only if the operator made it so: compare
              ratios, not absolute numbers, across machines.

            """;
    }
}
