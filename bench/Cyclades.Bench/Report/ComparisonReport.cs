using System.Globalization;
using System.Text;
using Cyclades.Bench.Measurements;

namespace Cyclades.Bench.Report;

/// <summary>The Markdown of a <c>--compare-with</c> run: the read path's CPU per page, each side and their ratio.</summary>
public static class ComparisonReport
{
    /// <summary>Writes <c>compare-&lt;UTC time&gt;[-quick].md</c>; returns its path.</summary>
    public static string Write(ComparisonResult result, string ours, string theirs, BenchPlan plan, DirectoryInfo directory, DateTimeOffset started)
    {
        directory.Create();
        var path = Path.Combine(directory.FullName, $"compare-{started:yyyyMMdd-HHmmss}{(plan.Quick ? "-quick" : "")}.md");
        File.WriteAllText(path, Render(result, ours, theirs, plan));
        return path;
    }

    public static string Render(ComparisonResult result, string ours, string theirs, BenchPlan plan)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"# Read path: {ours} against {theirs}");
        text.AppendLine();
        text.AppendLine(invariant,
            $"DescribeInstances (MaxResults=100) on a SQLite fleet of {plan.FleetSize:N0}, CPU ms per page of each service; {plan.CompareRounds} rounds of " +
            $"{plan.CompareSlot.TotalSeconds:0} s slots taken in turns (the side going first alternates), after {plan.ServiceWarmup.TotalSeconds:0} s of warm-up each.");
        text.AppendLine();
        text.AppendLine(invariant, $"| concurrency | {ours} | {theirs} | ratio (all slots) | median of the rounds' ratios | rounds' ratios |");
        text.AppendLine("|---:|---:|---:|---:|---:|---|");
        foreach (var point in result.Points)
        {
            var rounds = string.Join(", ", result.Rounds.Where(r => r.Concurrency == point.Concurrency).Select(r => r.Ratio.ToString("0.00", invariant)));
            text.AppendLine(invariant,
                $"| {point.Concurrency} | {point.OursCpuMs:0.000} | {point.TheirsCpuMs:0.000} | {point.Ratio:0.00} | {point.MedianRatio:0.00} | {rounds} |");
        }
        text.AppendLine();
        text.AppendLine(invariant, $"Peak RSS: {ours} {result.OursPeakRss / 1_048_576} MB, {theirs} {result.TheirsPeakRss / 1_048_576} MB.");
        return text.ToString();
    }
}
