namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// One entry of the <c>nics</c> change list of <c>PUT /2/instances/&lt;name&gt;/modify</c>, written as
/// Ganeti's 3-tuple <c>[action, identifier, parameters]</c> (like <see cref="InstanceDiskChange"/>).
/// </summary>
/// <remarks>
/// Verified on Ganeti 3.0.2 with the fake hypervisor (docs/networking.md): an add on a running or
/// stopped instance succeeds as a configuration change (the job logs "Hotplug is not supported …
/// Modification will take place without hotplugging"); once run, the job lists the add with the MAC
/// Ganeti chose and the address a <c>pool</c> gave. A remove by name keeps the name in the listing;
/// <c>gnt-instance modify --net remove</c> sends <c>["remove", -1, {}]</c> (the last NIC).
/// </remarks>
public sealed record InstanceNicChange(string Action, string Identifier, InstanceNicSpec Parameters)
{
    /// <summary>A NIC appended to the instance's.</summary>
    public static InstanceNicChange Add(InstanceNicSpec nic) => new(GanetiNicActions.Add, InstanceDiskChange.Append, nic);

    /// <summary>The NIC with this name (or UUID, or index) out of the instance.</summary>
    public static InstanceNicChange Remove(string nameOrUuid) => new(GanetiNicActions.Remove, nameOrUuid, new InstanceNicSpec());
}

public static class GanetiNicActions
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string Modify = "modify";
}
