using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage backends capacity</c>: what each cluster reports it has free, asked now.</summary>
public static class BackendCapacityCommand
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    private sealed record Row(Backend Backend, ClusterInfo? Info, string Status, string? Problem);

    private static readonly Column<Row>[] Columns =
    [
        new("Name", r => r.Backend.Name),
        new("Status", r => r.Status),
        new("Drained", r => r.Backend.Drained),
        new("Nodes", r => r.Info?.NodeCount),
        new("Free memory MiB", r => r.Info?.FreeMemoryMiB),
        new("Total memory MiB", r => r.Info?.TotalMemoryMiB),
        new("Free disk MiB", r => r.Info?.FreeDiskMiB),
        new("Version", r => r.Info?.SoftwareVersion),
        new("Problem", r => r.Problem),
    ];

    public static Command Create(AdminSession session)
    {
        var name = new Argument<string?>("name") { Description = "Only this backend (default: every enabled one).", Arity = ArgumentArity.ZeroOrOne };
        var capacity = new Command("capacity", "Ask each cluster for its nodes and free memory and disk; exit code 1 if one does not answer.") { name };
        session.Handle(capacity, async (parse, output, ct) =>
        {
            var registry = session.Get<BackendRegistry>();
            var backends = parse.GetValue(name) is { } one
                ? [await registry.FindAsync(one, ct) ?? throw new BackendNotFoundException(one)]
                : (await registry.ListAsync(ct)).Where(b => b.Enabled).ToList();
            var rows = await Task.WhenAll(backends.Select(b => ProbeAsync(session.Get<ClusterDriverCache>(), b, ct)));
            output.Table(rows, Columns);
            return rows.Any(r => r.Status == "unreachable") ? 1 : 0;
        });
        return capacity;
    }

    private static async Task<Row> ProbeAsync(ClusterDriverCache drivers, Backend backend, CancellationToken ct)
    {
        if (backend.Simulated)
        {
            // Each process has its own simulator; the service's is the one that counts.
            return new Row(backend, null, "simulated", "a simulated cluster lives inside the service process");
        }
        var probe = await drivers.ProbeAsync(backend, ProbeTimeout, ct);
        return new Row(backend, probe.Info, probe.Answered ? "ok" : "unreachable", probe.Problem);
    }
}
