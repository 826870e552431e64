using System.Globalization;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;

namespace Cyclades.Ganeti.Driver;

/// <summary>
/// The disk ops of a job as the job lists them. Ganeti rewrites a change's input once it has run: a
/// <c>detach</c>/<c>remove</c> then names the disk by its index, and an <c>attach</c> gains the
/// disk's size and name (verified on 3.0.2, docs/storage.md).
/// </summary>
internal static class GanetiDiskOps
{
    public static ServerOperation ToOperation(string action) => action switch
    {
        GanetiDiskActions.Add or GanetiDiskActions.Attach => ServerOperation.AttachDisk,
        GanetiDiskActions.Detach => ServerOperation.DetachDisk,
        GanetiDiskActions.Remove => ServerOperation.RemoveDisk,
        _ => ServerOperation.Other, // modify: a rename or an access mode, nothing the state keeps
    };

    /// <summary>The first entry of an op's <c>disks</c> list (the 3-tuple or the old 2-tuple form), if any.</summary>
    public static (string Action, JsonElement Identifier, JsonElement Parameters)? FirstChange(GanetiOpCode op)
    {
        if (op.OtherParameters?.GetValueOrDefault("disks") is not { ValueKind: JsonValueKind.Array } disks || disks.GetArrayLength() == 0)
        {
            return null;
        }
        return disks[0] switch
        {
            { ValueKind: JsonValueKind.Array } entry when entry.GetArrayLength() == 3 && entry[0].ValueKind == JsonValueKind.String =>
                (entry[0].GetString()!, entry[1], entry[2]),
            { ValueKind: JsonValueKind.Array } entry when entry.GetArrayLength() == 2 && entry[0].ValueKind == JsonValueKind.String =>
                (entry[0].GetString()!, JsonDocument.Parse("-1").RootElement, entry[1]),
            _ => null,
        };
    }

    public static ClusterDiskChange? DiskOf(GanetiOpCode op)
    {
        if (op.OpId == GanetiOpIds.InstanceGrowDisk)
        {
            var absolute = Parameter(op, "absolute") is { ValueKind: JsonValueKind.True };
            return new ClusterDiskChange(null, Int(Parameter(op, "disk")), Int(Parameter(op, "amount")), SizeIsGrowth: !absolute);
        }
        if (op.OpId != GanetiOpIds.InstanceSetParams || FirstChange(op) is not { } change)
        {
            return null;
        }
        var identifier = change.Identifier;
        var name = change.Parameters.ValueKind == JsonValueKind.Object && change.Parameters.TryGetProperty("name", out var n)
            && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (identifier.ValueKind == JsonValueKind.String && !int.TryParse(identifier.GetString(), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out _))
        {
            name ??= identifier.GetString();
        }
        var index = Int(identifier) is { } i and >= 0 ? i : (int?)null;
        var size = change.Parameters.ValueKind == JsonValueKind.Object && change.Parameters.TryGetProperty("size", out var s) ? Int(s) : null;
        return new ClusterDiskChange(name, index, size);
    }

    private static JsonElement? Parameter(GanetiOpCode op, string name) =>
        op.OtherParameters?.TryGetValue(name, out var value) == true ? value : null;

    private static int? Int(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var i) => i,
        { ValueKind: JsonValueKind.String } text when int.TryParse(text.GetString(), NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };
}
