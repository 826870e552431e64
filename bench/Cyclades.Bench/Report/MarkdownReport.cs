using System.Globalization;
using System.Text;
using Cyclades.Bench.Load;
using Cyclades.Bench.Measurements;
using static Cyclades.Bench.Report.GoalEvaluation;

namespace Cyclades.Bench.Report;

/// <summary>The results as Markdown: the goals table first, then each measurement's numbers, then the method.</summary>
public static class MarkdownReport
{
    public static string Render(BenchResults results)
    {
        var md = new StringBuilder();
        var run = results.Run;
        md.AppendLine(CultureInfo.InvariantCulture, $"# Cyclades EC2 benchmark{(run.Quick ? " (--quick: reduced sizes and durations, for development; the reference is the full run)" : "")}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {run.StartedUtc:yyyy-MM-dd HH:mm} UTC on commit `{run.Commit}`, " +
                $"{(run.FinishedUtc is { } end ? $"{(end - run.StartedUtc).TotalMinutes:0.0} min" : "unfinished")}. Machine: {run.Machine}.")
            .AppendLine();
        md.Append(GoalsTable(results.Goals));
        Read(md, results);
        Write(md, results.Write);
        Scale(md, results.Scale);
        Propagation(md, results.Propagation);
        if (results.NotMeasured.Count > 0)
        {
            md.AppendLine("## Not measured").AppendLine();
            foreach (var missing in results.NotMeasured)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {missing.Part}: {missing.Reason}");
            }
            md.AppendLine();
        }
        md.Append(MethodText.Render(run.Plan));
        return md.ToString();
    }

    public static string GoalsTable(IReadOnlyList<GoalResult> goals)
    {
        var md = new StringBuilder();
        md.AppendLine("## Goals (ratios measured side by side in this run)").AppendLine()
            .AppendLine("| Measure | Cyclades | Reference | Ratio | Goal | Result |")
            .AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var g in goals)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {g.Measure} | {g.Ours} | {g.Reference} | {g.Ratio} | {g.Goal} | **{g.Verdict}** |");
        }
        return md.AppendLine().ToString();
    }

    private static void Read(StringBuilder md, BenchResults results)
    {
        if (results.Read.Count == 0)
        {
            return;
        }
        md.AppendLine("## (1) Read path: DescribeInstances, MaxResults=100").AppendLine();
        foreach (var read in results.Read)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"{read.Database}: {read.TotalInstances:N0} instances, the reader owns {read.ReaderInstances:N0}; a page holds {read.PageInstances} " +
                $"instances ({read.ResponseBytes:N0} bytes). Peak RSS of the service: {read.PeakResidentBytes / 1e6:0} MB.");
        }
        if (results.Peer is { } peer)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"{peer.Peer}: {peer.Instances:N0} instances (loaded through boto3 in {peer.LoadTime.TotalSeconds:0} s); its page holds {peer.PageInstances} instances.");
        }
        md.AppendLine()
            .AppendLine("| Database | c | Cyclades req/s | p50 | p99 | CPU ms/req | Ceiling req/s | p50 | p99 | CPU ms/req | Cyclades/ceiling | moto req/s | moto p50 | Cyclades/moto |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var read in results.Read)
        {
            foreach (var (ours, ceiling) in read.Service.Zip(read.Ceiling))
            {
                var moto = results.Peer?.Results.SingleOrDefault(m => m.Concurrency == ours.Concurrency);
                md.Append(CultureInfo.InvariantCulture, $"| {read.Database} | {ours.Concurrency} | {Rate(ours.RequestsPerSecond)} | {Ms(ours.P50Ms)} | {Ms(ours.P99Ms)} | {ours.ServerCpuMsPerRequest:0.000} | ")
                    .Append(CultureInfo.InvariantCulture, $"{Rate(ceiling.RequestsPerSecond)} | {Ms(ceiling.P50Ms)} | {Ms(ceiling.P99Ms)} | {ceiling.ServerCpuMsPerRequest:0.000} | ")
                    .Append(CultureInfo.InvariantCulture, $"{ours.RequestsPerSecond / ceiling.RequestsPerSecond:0.000} | ")
                    .AppendLine(moto is null
                        ? "— | — | — |"
                        : string.Create(CultureInfo.InvariantCulture, $"{Rate(moto.RequestsPerSecond)} | {Ms(moto.P50Ms)} | {ours.RequestsPerSecond / moto.RequestsPerSecond:N0}× |"));
            }
        }
        md.AppendLine();
    }

    private static void Write(StringBuilder md, IReadOnlyList<WritePathResult> writes)
    {
        if (writes.Count == 0)
        {
            return;
        }
        md.AppendLine("## (2) Write path: RunInstances (1 instance) → running → TerminateInstances, simulated cluster at zero job latency").AppendLine()
            .AppendLine("| Database | Workers | Launches | Launches/s | Cycle p50 | Cycle p99 | RunInstances p50 | p99 | TerminateInstances p50 | p99 | Bare tx/s | Launches/bare tx |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var w in writes)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {w.Database} | {w.Concurrency} | {w.Launches:N0} | {Rate(w.LaunchesPerSecond)} | {Ms(w.CycleP50Ms)} | {Ms(w.CycleP99Ms)} | " +
                $"{Ms(w.RunInstancesP50Ms)} | {Ms(w.RunInstancesP99Ms)} | {Ms(w.TerminateP50Ms)} | {Ms(w.TerminateP99Ms)} | " +
                $"{Rate(w.BareTransactionsPerSecond)} | {w.LaunchesPerSecond / w.BareTransactionsPerSecond:0.000} |");
        }
        md.AppendLine();
    }

    private static void Scale(StringBuilder md, IReadOnlyList<ScalePoint> points)
    {
        if (points.Count == 0)
        {
            return;
        }
        md.AppendLine("## (3) Scale: the reader's first page on MariaDB, c=1").AppendLine()
            .AppendLine("| Instances | Reader's | p50 | p99 | req/s | p50 / p50 at the smallest |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var p in points)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.TotalInstances:N0} | {p.ReaderInstances:N0} | {Ms(p.P50Ms)} | {Ms(p.P99Ms)} | {Rate(p.RequestsPerSecond)} | {p.P50Ms / points[0].P50Ms:0.00} |");
        }
        md.AppendLine();
    }

    private static void Propagation(StringBuilder md, PropagationResult? lag)
    {
        if (lag is null)
        {
            return;
        }
        md.AppendLine("## (4) Propagation on the real Ganeti test cluster").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"{lag.Jobs} jobs: p50 {Ms(lag.P50Ms)}, p99 {Ms(lag.P99Ms)}, max {Ms(lag.MaxMs)} (DescribeInstances polled back to back).")
            .AppendLine();
    }
}
