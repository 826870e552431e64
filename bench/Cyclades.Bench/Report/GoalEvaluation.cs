using System.Globalization;
using Cyclades.Bench.Measurements;

namespace Cyclades.Bench.Report;

/// <summary>The goals, each judged against its number from this run (never adjusted to pass).</summary>
public static class GoalEvaluation
{
    public const double CeilingShare = 0.50;
    public const double MotoMultiple = 1000;
    public const double WriteShare = 0.30;
    public const double ScaleGrowth = 1.5;
    public const double PropagationP50Ms = 100;
    public const double PropagationP99Ms = 500;
    public const double PeakRssMegabytes = 300;

    public static IReadOnlyList<GoalResult> Evaluate(BenchResults results)
    {
        var goals = new List<GoalResult>();
        var c = BenchPlan.GoalConcurrency;
        foreach (var read in results.Read)
        {
            var ours = read.Service.Single(r => r.Concurrency == c);
            var ceiling = read.Ceiling.Single(r => r.Concurrency == c);
            goals.Add(AtLeast($"Read path c={c}, {read.Database}: req/s vs the ceiling", Rate(ours.RequestsPerSecond),
                $"{Rate(ceiling.RequestsPerSecond)} (ceiling)", ours.RequestsPerSecond / ceiling.RequestsPerSecond, CeilingShare, Share));
        }
        foreach (var read in results.Read)
        {
            var ours = read.Service.Single(r => r.Concurrency == c);
            var moto = results.Peer?.Results.SingleOrDefault(r => r.Concurrency == c);
            goals.Add(moto is null
                ? NotMeasured($"Read path c={c}, {read.Database}: req/s vs moto", Rate(ours.RequestsPerSecond), $"≥ {MotoMultiple:0}×")
                : AtLeast($"Read path c={c}, {read.Database}: req/s vs moto", Rate(ours.RequestsPerSecond),
                    $"{Rate(moto.RequestsPerSecond)} (moto, {results.Peer!.Instances:N0} instances)", ours.RequestsPerSecond / moto.RequestsPerSecond,
                    MotoMultiple, Multiple));
        }
        foreach (var write in results.Write)
        {
            goals.Add(AtLeast($"Write path, {write.Database}: launches/s vs bare insert+update tx/s", Rate(write.LaunchesPerSecond),
                $"{Rate(write.BareTransactionsPerSecond)} (bare tx)", write.LaunchesPerSecond / write.BareTransactionsPerSecond, WriteShare, Share));
        }
        if (results.Scale.Count >= 2)
        {
            var (small, large) = (results.Scale[0], results.Scale[^1]);
            goals.Add(AtMost($"Scale, MariaDB: page p50 at {large.TotalInstances:N0} vs {small.TotalInstances:N0} instances",
                Ms(large.P50Ms), Ms(small.P50Ms), large.P50Ms / small.P50Ms, ScaleGrowth, Multiple));
        }
        else
        {
            goals.Add(NotMeasured("Scale, MariaDB: page p50 growth", "—", $"≤ {ScaleGrowth:0.0}×"));
        }
        goals.Add(results.Propagation is { } lag
            ? Limit("Propagation p50: job end → visible in DescribeInstances", lag.P50Ms, PropagationP50Ms)
            : NotMeasured("Propagation p50: job end → visible in DescribeInstances", "—", $"≤ {PropagationP50Ms:0} ms"));
        goals.Add(results.Propagation is { } lag99
            ? Limit("Propagation p99", lag99.P99Ms, PropagationP99Ms)
            : NotMeasured("Propagation p99", "—", $"≤ {PropagationP99Ms:0} ms"));
        foreach (var read in results.Read)
        {
            var megabytes = read.PeakResidentBytes / 1e6;
            goals.Add(new GoalResult($"Peak RSS of the service during (1), {read.Database}", $"{megabytes:0} MB", "", "",
                $"≤ {PeakRssMegabytes:0} MB", Verdict(megabytes <= PeakRssMegabytes)));
        }
        return goals;
    }

    private static GoalResult AtLeast(string measure, string ours, string reference, double ratio, double goal, Func<double, string> format) =>
        new(measure, ours, reference, format(ratio), $"≥ {format(goal)}", Verdict(ratio >= goal));

    private static GoalResult AtMost(string measure, string ours, string reference, double ratio, double goal, Func<double, string> format) =>
        new(measure, ours, reference, format(ratio), $"≤ {format(goal)}", Verdict(ratio <= goal));

    private static GoalResult Limit(string measure, double ms, double limitMs) =>
        new(measure, Ms(ms), "", "", $"≤ {limitMs:0} ms", Verdict(ms <= limitMs));

    private static GoalResult NotMeasured(string measure, string ours, string goal) => new(measure, ours, "", "", goal, "not measured");

    private static string Verdict(bool pass) => pass ? "PASS" : "MISS";

    private static string Share(double ratio) => ratio.ToString(ratio < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);

    private static string Multiple(double ratio) => ratio.ToString(ratio >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture) + "×";

    public static string Rate(double perSecond) => perSecond.ToString(perSecond >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => ms.ToString(ms >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture) + " ms";
}
