using System.CommandLine;
using Cyclades.Bench;
using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Report;

var quick = new Option<bool>("--quick") { Description = "A reduced run (smaller fleet, shorter points) in under two minutes." };
var resultsDirectory = new Option<DirectoryInfo>("--results")
{
    Description = "Where the Markdown and JSON results go.",
    DefaultValueFactory = _ => new DirectoryInfo(Repository.BenchFile("results")),
};
var workDirectory = new Option<DirectoryInfo?>("--work-dir") { Description = "The run's throwaway directory (default: a new one under the temp directory)." };
var keep = new Option<bool>("--keep") { Description = "Keep the run directory (databases, logs) for inspection." };
var only = new Option<string[]>("--only")
{
    Description = $"Run only these parts (a developer's shortcut; the results say what was left out): {string.Join(", ", BenchRunner.Parts)}.",
    AllowMultipleArgumentsPerToken = true,
    DefaultValueFactory = _ => [.. BenchRunner.Parts],
};
only.AcceptOnlyFromAmong([.. BenchRunner.Parts]);
var compareWith = new Option<string?>("--compare-with")
{
    Description = "Instead of the parts, the read path of this checkout against this commit's, in turns on one SQLite fleet.",
};

var root = new RootCommand("The Cyclades EC2 benchmark: the service against its ceiling and its peer, side by side (issue 7).")
{
    quick, resultsDirectory, workDirectory, keep, only, compareWith,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var plan = parse.GetValue(quick) ? BenchPlan.QuickRun : BenchPlan.Full;
    await using var run = new RunDirectory(parse.GetValue(workDirectory)?.FullName, parse.GetValue(keep));
    AppDomain.CurrentDomain.ProcessExit += (_, _) => run.KillAll();
    var started = DateTimeOffset.UtcNow;
    var results = new BenchResults { Run = new RunInfo(started, null, plan.Quick, Git.Commit(), MachineInfo.Current(), plan) };
    var clock = System.Diagnostics.Stopwatch.StartNew();
    void Log(string message) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");

    Log($"{(plan.Quick ? "quick" : "full")} run in {run.Path}");
    bool complete;
    try
    {
        if (parse.GetValue(compareWith) is { } commit)
        {
            var comparison = await new BenchRunner(plan, new HashSet<string>(), run, results, Log).CompareAsync(commit, cancellationToken);
            var path = ComparisonReport.Write(comparison, results.Run.Commit, commit, plan, parse.GetValue(resultsDirectory)!, started);
            Console.WriteLine(File.ReadAllText(path));
            Console.WriteLine($"Results: {path}");
            return 0;
        }
        complete = await new BenchRunner(plan, parse.GetValue(only)!.ToHashSet(), run, results, Log).RunAsync(cancellationToken);
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
        Log("interrupted: stopping what was started; no results written");
        return 130;
    }
    results.Run = results.Run with { FinishedUtc = DateTimeOffset.UtcNow };

    var (markdown, json) = ResultFiles.Write(results, parse.GetValue(resultsDirectory)!);
    Console.WriteLine(MarkdownReport.GoalsTable(results.Goals));
    Console.WriteLine($"Results: {markdown}\n         {json}");
    return complete ? 0 : 1;
});
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
