using System.CommandLine;
using System.Globalization;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Quotas;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage quotas show|set</c>: limits and usage per user, in MiB for RAM and GiB for disk.</summary>
public static class QuotasCommand
{
    private sealed record Row(string User, ResourceQuota Quota);

    /// <summary>The limits <c>set</c> takes, one option each.</summary>
    private static readonly (string Option, QuotaResource Resource, string Description)[] Settable =
    [
        ("--vms", QuotaResource.Vm, "Servers."),
        ("--total-cpu", QuotaResource.TotalCpu, "vCPUs of all servers."),
        ("--cpu", QuotaResource.Cpu, "vCPUs of active servers (started, building or in error)."),
        ("--total-ram-mib", QuotaResource.TotalRam, "RAM of all servers, MiB."),
        ("--ram-mib", QuotaResource.Ram, "RAM of active servers, MiB."),
        ("--disk-gib", QuotaResource.Disk, "Disk of all servers, GiB."),
        ("--private-networks", QuotaResource.NetworkPrivate, "Private networks."),
    ];

    private static readonly Column<Row>[] Columns =
    [
        new("User", r => r.User),
        new("Resource", r => r.Quota.Resource.Name()),
        new("Limit", r => Display(r.Quota.Resource, r.Quota.Limit)),
        new("Used", r => Display(r.Quota.Resource, r.Quota.Usage)),
        new("Pending", r => Display(r.Quota.Resource, r.Quota.Pending)),
        new("Available", r => Display(r.Quota.Resource, r.Quota.Available)),
        new("Unit", r => Unit(r.Quota.Resource)),
    ];

    public static Command Create(AdminSession session)
    {
        var user = new Argument<string?>("user") { Description = "Only this user (default: every user).", Arity = ArgumentArity.ZeroOrOne };
        var show = new Command("show", "Show limits, usage and pending (issued, not yet settled) changes per user.") { user };
        session.Handle(show, async (parse, output, ct) =>
        {
            var accounts = session.Get<IAccountService>();
            var users = parse.GetValue(user) is { } name
                ? [await Owners.RequireAsync(accounts, name, ct)]
                : await accounts.ListUsersAsync(ct);
            output.Table(await RowsAsync(session, users, ct), Columns);
            return 0;
        });
        return new Command("quotas", "Quotas: per-user limits (defaults: Cyclades:Quotas:Default) and usage.") { show, Set(session) };
    }

    private static Command Set(AdminSession session)
    {
        var user = new Argument<string>("user") { Description = "The user's name." };
        var set = new Command("set", "Set a user's limits; 'default' returns a limit to Cyclades:Quotas:Default.") { user };
        var options = Settable.Select(s => (s.Resource, Option: new Option<string?>(s.Option)
        {
            Description = s.Description + " A number, or 'default'.",
            HelpName = "limit",
        })).ToList();
        foreach (var (_, option) in options)
        {
            set.Add(option);
        }
        session.Handle(set, async (parse, output, ct) =>
        {
            var changes = options.Where(o => parse.GetValue(o.Option) is not null)
                .Select(o => (o.Resource, Limit: ParseLimit(o.Option.Name, o.Resource, parse.GetValue(o.Option)!)))
                .ToList();
            if (changes.Count == 0)
            {
                throw new AdminException($"Nothing to set: give at least one of {string.Join(", ", Settable.Select(s => s.Option))}.");
            }
            var owner = await Owners.RequireAsync(session.Get<IAccountService>(), parse.GetRequiredValue(user), ct);
            foreach (var (resource, limit) in changes)
            {
                await session.Get<QuotaService>().SetLimitAsync(Owners.OwnerId(owner), resource, limit, ct);
            }
            output.Table(await RowsAsync(session, [owner], ct), Columns);
            return 0;
        });
        return set;
    }

    private static async Task<List<Row>> RowsAsync(AdminSession session, IEnumerable<User> users, CancellationToken ct)
    {
        var rows = new List<Row>();
        foreach (var user in users)
        {
            var quota = await session.Get<QuotaService>().GetAsync(Owners.OwnerId(user), ct);
            rows.AddRange(quota.Resources.Select(r => new Row(user.Name, r)));
        }
        return rows;
    }

    private static long? ParseLimit(string option, QuotaResource resource, string value)
    {
        if (value.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit > long.MaxValue / UnitSize(resource))
        {
            throw new AdminException($"{option} must be a whole number ≥ 0 or 'default' (got '{value}').");
        }
        return limit * UnitSize(resource);
    }

    private static long Display(QuotaResource resource, long value) => value / UnitSize(resource);

    private static long UnitSize(QuotaResource resource) => resource switch
    {
        QuotaResource.Ram or QuotaResource.TotalRam => 1L << 20,
        QuotaResource.Disk => 1L << 30,
        _ => 1,
    };

    private static string Unit(QuotaResource resource) => resource switch
    {
        QuotaResource.Ram or QuotaResource.TotalRam => "MiB",
        QuotaResource.Disk => "GiB",
        QuotaResource.Vm => "servers",
        QuotaResource.NetworkPrivate => "networks",
        _ => "vCPUs",
    };
}
