using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Ganeti.Configuration;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage backends add|list|drain|undrain|capacity</c>: the Ganeti clusters servers are placed on.</summary>
public static class BackendsCommand
{
    private static readonly Column<Backend>[] Columns =
    [
        new("Name", b => b.Name),
        new("Url", b => b.Simulated ? null : b.Url, b => b.Simulated ? "(simulated)" : b.Url),
        new("Simulated", b => b.Simulated),
        new("Enabled", b => b.Enabled),
        new("Drained", b => b.Drained),
        new("Origin", b => b.Origin),
        new("Subnet", b => b.NetworkCidr),
        new("Cluster id", b => b.ClusterId),
    ];

    public static Command Create(AdminSession session) =>
        new("backends", "Backends: Ganeti clusters (configured ones come from Cyclades:Ganeti:Clusters).")
        {
            BackendAddCommand.Create(session, Columns),
            List(session),
            SetDrained(session, "drain", true, "Drain a backend: it keeps its servers but gets no new ones (kept across restarts)."),
            SetDrained(session, "undrain", false, "Let a drained backend take new servers again."),
            BackendCapacityCommand.Create(session),
        };

    private static Command List(AdminSession session)
    {
        var list = new Command("list", "List the backends.");
        session.Handle(list, async (_, output, ct) =>
        {
            output.Table(await session.Get<BackendRegistry>().ListAsync(ct), Columns);
            return 0;
        });
        return list;
    }

    private static Command SetDrained(AdminSession session, string verb, bool drained, string description) =>
        CommandShapes.OnOne(session, verb, description, "The backend's name.", async (name, ct) =>
        {
            var registry = session.Get<BackendRegistry>();
            await registry.SetDrainedAsync(name, drained, ct);
            return await registry.FindAsync(name, ct) ?? throw new BackendNotFoundException(name);
        }, Columns);
}
