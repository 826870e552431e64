using System.CommandLine;
using System.Text.RegularExpressions;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Catalog;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage flavors add|list|deprecate</c>: instance types and the cpu/RAM/disk/template behind them.</summary>
public static partial class FlavorsCommand
{
    private static readonly Column<Flavor>[] Columns =
    [
        new("Name", f => f.Name),
        new("Cpu", f => f.Cpu),
        new("Ram MiB", f => f.RamMiB),
        new("Disk GiB", f => f.DiskGiB),
        new("Disk template", f => f.DiskTemplate),
        new("Origin", f => f.Origin),
        new("Deprecated", f => f.Deleted),
    ];

    public static Command Create(AdminSession session) =>
        new("flavors", "Flavors: the instance types on offer (configured ones come from Cyclades:Flavors).")
        {
            Add(session),
            CommandShapes.ListWithAll(session, "List the flavors on offer.", "Also deprecated and retired flavors (servers may still have them).",
                (all, ct) => session.Get<CatalogService>().ListFlavorsAsync(all, ct), Columns),
            CommandShapes.OnOne(session, "deprecate", "Stop offering a flavor added here; servers that have it keep it.", "The flavor's name.",
                (name, ct) => session.Get<CatalogAdministration>().DeprecateFlavorAsync(name, ct), Columns, "instance-type"),
        };

    private static Command Add(AdminSession session)
    {
        var name = new Argument<string>("instance-type") { Description = "The EC2 instance-type name, e.g. m1.large." };
        var cpu = new Option<int>("--cpu") { Description = "vCPUs.", Required = true };
        var ram = new Option<int>("--ram-mib") { Description = "Memory, MiB.", Required = true };
        var disk = new Option<int>("--disk-gib") { Description = "Disk, GiB (0 for diskless).", Required = true };
        var template = new Option<string>("--disk-template") { Description = "Ganeti disk template: file, plain, drbd, diskless, …", Required = true };
        var add = new Command("add", "Offer a new flavor. It survives restarts: the configuration sync leaves it alone.")
        {
            name, cpu, ram, disk, template,
        };
        session.Handle(add, async (parse, output, ct) =>
        {
            var instanceType = parse.GetRequiredValue(name);
            if (!InstanceTypePattern().IsMatch(instanceType))
            {
                throw new AdminException($"'{instanceType}' is not an instance-type name: use lower-case letters, digits and dashes around one dot, e.g. m1.large.");
            }
            var flavor = await session.Get<CatalogAdministration>().AddFlavorAsync(new FlavorDefinition
            {
                Name = instanceType,
                Cpu = parse.GetValue(cpu),
                RamMiB = parse.GetValue(ram),
                DiskGiB = parse.GetValue(disk),
                DiskTemplate = parse.GetRequiredValue(template),
            }, ct);
            output.Record(flavor, Columns);
            return 0;
        });
        return add;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*$")]
    private static partial Regex InstanceTypePattern();
}
