using System.CommandLine;
using Cyclades.Bench.Infrastructure;
using Cyclades.Soak;
using Cyclades.Soak.Cluster;

var planOption = new Option<string>("--plan") { Description = "short (about 2 minutes, in scripts/test) or long.", DefaultValueFactory = _ => "short" };
planOption.AcceptOnlyFromAmong("short", "long");
var durationOption = new Option<int?>("--seconds") { Description = "How long the fleet runs (default: the plan's)." };
var operationsOption = new Option<int?>("--max-operations") { Description = "Stop the fleet after this many operations (default: the plan's)." };
var workersOption = new Option<int?>("--workers") { Description = "Client workers, one user each (default: the plan's)." };
var serviceOption = new Option<FileInfo>("--service") { Description = "The service's built dll (every API node runs it; its `manage` verb reconciles).", Required = true };
var simulatorOption = new Option<FileInfo>("--simulator") { Description = "Cyclades.Ganeti.Simulator's built dll.", Required = true };
var realOption = new Option<bool>("--real-ganeti") { Description = "Use the real Ganeti test cluster (CYCLADES_TEST_GANETI_*) instead of the simulator." };
var seedOption = new Option<int?>("--seed") { Description = "Random seed (default: from the clock; printed)." };
var workOption = new Option<DirectoryInfo?>("--work-dir") { Description = "The run's throwaway directory (logs of every process)." };
var keepOption = new Option<bool>("--keep") { Description = "Keep the run directory." };

var root = new RootCommand("The Cyclades EC2 soak: API nodes, two dispatchers, MariaDB and one cluster, a client fleet and kill -9s; then the invariants (issue 14).")
{
    planOption, durationOption, operationsOption, workersOption, serviceOption, simulatorOption, realOption, seedOption, workOption, keepOption,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var plan = parse.GetValue(planOption) == "long" ? SoakPlan.Long : SoakPlan.Short;
    plan = plan with
    {
        Duration = parse.GetValue(durationOption) is { } seconds ? TimeSpan.FromSeconds(seconds) : plan.Duration,
        MaxOperations = parse.GetValue(operationsOption) ?? plan.MaxOperations,
        Workers = parse.GetValue(workersOption) ?? plan.Workers,
    };
    RealCluster? real = null;
    if (parse.GetValue(realOption))
    {
        real = RealCluster.FromEnvironment();
        if (real is null)
        {
            Console.Error.WriteLine("soak: --real-ganeti needs CYCLADES_TEST_GANETI_URL (source <(scripts/ganeti-test-cluster env))");
            return 2;
        }
    }
    var paths = new SoakPaths(parse.GetValue(serviceOption)!.FullName, parse.GetValue(simulatorOption)!.FullName, real);
    var seed = parse.GetValue(seedOption) ?? Environment.TickCount;
    await using var run = new RunDirectory(parse.GetValue(workOption)?.FullName, parse.GetValue(keepOption));
    AppDomain.CurrentDomain.ProcessExit += (_, _) => run.KillAll();
    var soak = new SoakRun(plan, paths, run, seed);
    try
    {
        Console.WriteLine(await soak.RunAsync(cancellationToken));
    }
    catch (BenchException e)
    {
        Console.Error.WriteLine($"soak: {e.Message}");
        return 2;
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
        Console.Error.WriteLine("soak: interrupted");
        return 130;
    }
    return soak.Figures.Violations.IsEmpty ? 0 : 1;
});
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // 1 means violations; a command line that does not parse is a soak that could not run.
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"soak: {error.Message}");
    }
    return 2;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
