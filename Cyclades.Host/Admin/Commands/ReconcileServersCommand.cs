using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Reconciliation;

namespace Cyclades.Host.Admin.Commands;

/// <summary>
/// <c>manage reconcile servers</c>: compare each backend's servers with its Ganeti cluster (stale
/// servers, orphan instances, states, flavors, stale tasks, each server's disks and NICs); with
/// <c>--fix</c>, repair through the dispatcher's event path (disks and NICs under the server's lock) so
/// quotas follow.
/// </summary>
public static class ReconcileServersCommand
{
    private sealed record Row(string Backend, ReconciliationFinding Finding);

    private static readonly Column<Row>[] Columns =
    [
        new("Backend", r => r.Backend),
        new("Kind", r => r.Finding.Kind),
        new("Instance", r => r.Finding.InstanceName),
        new("Server", r => r.Finding.ServerId),
        new("Detail", r => r.Finding.Detail),
        new("Fix", r => r.Finding.Fix),
        new("Fixed", r => r.Finding.Fixed),
        new("Error", r => r.Finding.Error),
    ];

    public static Command Create(AdminSession session, Option<bool> fix)
    {
        var backend = new Option<string?>("--backend") { Description = "Only this backend (default: every enabled one)." };
        var command = new Command("servers", "Compare servers with their Ganeti clusters; --fix repairs what differs.") { backend, fix };
        session.Handle(command, async (parse, output, ct) =>
        {
            var registry = session.Get<BackendRegistry>();
            var backends = parse.GetValue(backend) is { } name
                ? [await registry.FindAsync(name, ct) ?? throw new BackendNotFoundException(name)]
                : (await registry.ListAsync(ct)).Where(b => b.Enabled).ToList();
            var request = new ReconciliationRequest(parse.GetValue(fix));
            var rows = new List<Row>();
            var failed = false;
            foreach (var b in backends)
            {
                if (b.Simulated)
                {
                    // This process's simulator is empty: every server would look gone from it.
                    await session.Error.WriteLineAsync($"{AdminCommandLine.Name}: skipped backend '{b.Name}': a simulated cluster lives inside the service process, whose dispatcher reconciles it.");
                    continue;
                }
                try
                {
                    var report = await session.Get<BackendReconciler>().ReconcileAsync(b.Id, request, ct);
                    rows.AddRange(report.Findings.Select(f => new Row(b.Name, f)));
                }
                catch (ClusterException e)
                {
                    failed = true;
                    await session.Error.WriteLineAsync($"{AdminCommandLine.Name}: {AdminErrors.OneLine(e.Message)}");
                }
            }
            output.Table(rows, Columns);
            return failed ? 1 : 0;
        });
        return command;
    }
}
