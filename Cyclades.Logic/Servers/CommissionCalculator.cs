using Cyclades.Logic.Catalog;
using Cyclades.Logic.Quotas;

namespace Cyclades.Logic.Servers;

/// <summary>
/// The quota change an action causes, computed from the server's state before the change
/// (Synnefo's <c>get_commission_info</c>, reference §7.2).
/// </summary>
public static class CommissionCalculator
{
    private const long MiB = 1L << 20;

    public static Provisions For(ServerAction action, OperState before, Flavor flavor, Flavor? newFlavor = null) => action switch
    {
        ServerAction.Build => Total(flavor).Plus(Active(flavor)),
        ServerAction.Start when before == OperState.Stopped => Active(flavor),
        // The cluster's reboot starts a stopped server.
        ServerAction.Reboot when before == OperState.Stopped => Active(flavor),
        ServerAction.Stop when before.IsActive() => Active(flavor).Negate(),
        ServerAction.Destroy => Holdings(before, flavor).Negate(),
        ServerAction.Resize => Resize(before, flavor, newFlavor ?? throw new ArgumentNullException(nameof(newFlavor))),
        _ => Provisions.None,
    };

    /// <summary>
    /// The quota change of a server going from one state (and flavor) to another; null = deleted.
    /// For every transition an action causes this equals <see cref="For"/> of that action from the
    /// state before; it stays right when results arrive in an order the cluster would not produce.
    /// </summary>
    public static Provisions Change(OperState before, Flavor flavorBefore, OperState? after, Flavor flavorAfter) =>
        (after is { } state ? Holdings(state, flavorAfter) : Provisions.None).Plus(Holdings(before, flavorBefore).Negate());

    /// <summary>What a non-deleted server in this state holds (Synnefo's <c>get_db_holdings</c>).</summary>
    public static Provisions Holdings(OperState state, Flavor flavor) =>
        state.IsActive() ? Total(flavor).Plus(Active(flavor)) : Total(flavor);

    private static Provisions Resize(OperState before, Flavor from, Flavor to)
    {
        var cpu = to.Cpu - from.Cpu;
        var ram = (to.RamMiB - (long)from.RamMiB) * MiB;
        var total = Provisions.Of((QuotaResource.TotalCpu, cpu), (QuotaResource.TotalRam, ram));
        return before.IsActive() ? total.Plus(Provisions.Of((QuotaResource.Cpu, cpu), (QuotaResource.Ram, ram))) : total;
    }

    /// <summary>A server's own holdings are compute; its disks are volumes, each with its own commission.</summary>
    private static Provisions Total(Flavor flavor) => Provisions.Of(
        (QuotaResource.Vm, 1),
        (QuotaResource.TotalCpu, flavor.Cpu),
        (QuotaResource.TotalRam, flavor.RamMiB * MiB));

    private static Provisions Active(Flavor flavor) => Provisions.Of(
        (QuotaResource.Cpu, flavor.Cpu),
        (QuotaResource.Ram, flavor.RamMiB * MiB));
}
