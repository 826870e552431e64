using Cyclades.Soak.Nodes;

namespace Cyclades.Soak.Checks;

/// <summary>
/// Random <c>kill -9</c>s while the fleet runs: half of them of the node whose dispatcher holds the
/// lease, the others of any node; one node down at a time, started again after <see cref="SoakPlan.DownFor"/>.
/// </summary>
public sealed class Chaos(IReadOnlyList<ApiNode> nodes, SoakDatabase database, SoakPlan plan, Figures figures, Action<string> log, int seed)
{
    private readonly Random _random = new(seed);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(plan.KillEvery * (0.5 + _random.NextDouble()), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var (victim, dispatcher) = await ChooseAsync(CancellationToken.None);
            if (victim is null)
            {
                continue;
            }
            await victim.KillAsync();
            figures.Killed(dispatcher);
            log($"kill -9 {victim.Name}{(dispatcher ? " (the active dispatcher)" : "")}");
            await Task.Delay(plan.DownFor, CancellationToken.None);
            await victim.StartAsync(CancellationToken.None);
            figures.Restarted();
            log($"{victim.Name} started again");
        }
    }

    private async Task<(ApiNode? Node, bool Dispatcher)> ChooseAsync(CancellationToken cancellationToken)
    {
        var holder = await database.ActiveDispatcherProcessIdAsync(cancellationToken);
        var active = nodes.FirstOrDefault(n => holder is not null && n.ProcessId == holder);
        var up = nodes.Where(n => n.IsUp).ToList();
        var victim = active is not null && _random.NextDouble() < 0.5 ? active
            : up.Count == 0 ? null : up[_random.Next(up.Count)];
        return (victim, victim is not null && victim == active);
    }
}
