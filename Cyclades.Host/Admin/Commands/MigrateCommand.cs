using System.CommandLine;
using Cyclades.Logic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage migrate</c>: what the service does first when it starts, without starting it.</summary>
public static class MigrateCommand
{
    public static Command Create(AdminSession session)
    {
        var migrate = new Command(
            "migrate",
            "Apply the schema migrations, then sync flavors, images and backends from configuration (as the service does at start-up).");
        session.Handle(migrate, async (_, output, ct) =>
        {
            var startup = session.Get<IEnumerable<IHostedService>>().OfType<LogicStartup>().Single();
            await startup.StartAsync(ct);
            output.Message("The database schema is up to date; flavors, images and backends follow the configuration.", new { migrated = true });
            return 0;
        }, needsCurrentSchema: false);
        return migrate;
    }
}
