using System.Globalization;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;

namespace Cyclades.Ganeti.Driver;

/// <summary>
/// The NIC ops of a job (<c>OP_INSTANCE_SET_PARAMS</c> with a <c>nics</c> change list) as the job
/// lists them once run: an add carries the MAC Ganeti chose and the address a <c>pool</c> gave; a
/// remove names the NIC as it was asked (by name, or by index: <c>-1</c> = the last).
/// </summary>
internal static class GanetiNicOps
{
    /// <summary>What Ganeti's op result says after a device it hot-plugged (<c>hotplug:done</c>).</summary>
    private const string HotplugDone = "hotplug:done";

    public static ServerOperation ToOperation(string action) => action switch
    {
        GanetiNicActions.Add => ServerOperation.AddNic,
        GanetiNicActions.Remove => ServerOperation.RemoveNic,
        _ => ServerOperation.Other, // modify: a NIC's parameters, nothing the state keeps
    };

    /// <summary>The first entry of an op's <c>nics</c> list, if any.</summary>
    public static InstanceNicChange? FirstChange(GanetiOpCode op)
    {
        if (op.OtherParameters?.GetValueOrDefault("nics") is not { ValueKind: JsonValueKind.Array } nics || nics.GetArrayLength() == 0)
        {
            return null;
        }
        try
        {
            return nics[0].Deserialize(RapiJsonContext.Default.InstanceNicChange);
        }
        catch (JsonException)
        {
            return null; // the old 2-tuple form: not a change the core follows
        }
    }

    /// <param name="result">The op's result (the list of changes made), when the job came with it.</param>
    /// <param name="publicNetwork">The backend's public network, reported as null.</param>
    public static ClusterNicChange? NicOf(GanetiOpCode op, JsonElement? result, string? publicNetwork)
    {
        if (op.OpId != GanetiOpIds.InstanceSetParams || FirstChange(op) is not { } change)
        {
            return null;
        }
        var byName = !int.TryParse(change.Identifier, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index);
        var hotplugged = result is { } r && r.GetRawText().Contains(HotplugDone, StringComparison.Ordinal);
        var nic = change.Parameters;
        return new ClusterNicChange(
            nic.Name ?? (byName ? change.Identifier : null),
            byName ? null : index,
            nic.Ip,
            nic.Network == publicNetwork ? null : nic.Network,
            nic.Mac,
            hotplugged);
    }
}
