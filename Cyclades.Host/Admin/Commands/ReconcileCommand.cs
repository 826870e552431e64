using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Maintenance;
using Cyclades.Logic.Quotas;

namespace Cyclades.Host.Admin.Commands;

/// <summary>
/// <c>manage reconcile servers|commissions|quotas</c>: find what has drifted and report it; with
/// <c>--fix</c>, repair it. In that order: fixing servers settles commissions, settling commissions
/// changes usage.
/// </summary>
public static class ReconcileCommand
{
    private sealed record CommissionFinding(long Commission, string Decision);

    public static Command Create(AdminSession session) =>
        new("reconcile", "Find (and with --fix, repair) what has drifted: servers against Ganeti, pending commissions, quota usage.")
        {
            ReconcileServersCommand.Create(session, FixOption()), Commissions(session), Quotas(session),
        };

    private static Option<bool> FixOption() => new("--fix") { Description = "Repair what is found (default: only report)." };

    private static Command Commissions(AdminSession session)
    {
        var fix = FixOption();
        var command = new Command("commissions", "Settle commissions left pending that no running job will settle.") { fix };
        session.Handle(command, async (parse, output, ct) =>
        {
            var result = await session.Get<CommissionReconciler>().ReconcileAsync(parse.GetValue(fix), ct);
            var findings = result.Accepted.Select(id => new CommissionFinding(id, "accept"))
                .Concat(result.Rejected.Select(id => new CommissionFinding(id, "reject")))
                .OrderBy(f => f.Commission)
                .ToList();
            output.Table(findings,
                new Column<CommissionFinding>("Commission", f => f.Commission),
                new Column<CommissionFinding>("Decision", f => f.Decision),
                new Column<CommissionFinding>("Fixed", _ => parse.GetValue(fix)));
            return 0;
        });
        return command;
    }

    private static Command Quotas(AdminSession session)
    {
        var fix = FixOption();
        var command = new Command("quotas", "Recompute every user's usage from their servers; --fix records the difference as a commission.") { fix };
        session.Handle(command, async (parse, output, ct) =>
        {
            var drifts = await session.Get<UsageReconciler>().ReconcileAsync(parse.GetValue(fix), ct);
            var names = await Owners.NamesAsync(session.Get<IAccountService>(), ct);
            output.Table(drifts,
                new Column<UsageDrift>("User", d => names(d.UserId)),
                new Column<UsageDrift>("Resource", d => d.Resource.Name()),
                new Column<UsageDrift>("Recorded", d => d.Recorded),
                new Column<UsageDrift>("Computed", d => d.Computed),
                new Column<UsageDrift>("Fixed", _ => parse.GetValue(fix)));
            return 0;
        });
        return command;
    }
}
