using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// One entry of the <c>disks</c> change list of <c>PUT /2/instances/&lt;name&gt;/modify</c>, written as
/// Ganeti's 3-tuple <c>[action, identifier, parameters]</c>. The identifier is always a string (as
/// Synnefo sends it; Ganeti's Haskell parser refuses a list that mixes ints and strings): <c>-1</c>
/// (append) for <c>add</c>/<c>attach</c>, the disk's name or UUID for <c>detach</c>/<c>remove</c>.
/// </summary>
/// <remarks>Verified on Ganeti 3.0.2 (docs/storage.md): every call below, on running and stopped instances.</remarks>
public sealed record InstanceDiskChange(string Action, string Identifier, InstanceDiskParameters Parameters)
{
    public const string Append = "-1";

    /// <summary>A new blank disk, appended. Sizes below the cluster's ipolicy minimum (1024 MiB by default) fail the job.</summary>
    public static InstanceDiskChange Add(int sizeMiB, string name) =>
        new(GanetiDiskActions.Add, Append, new InstanceDiskParameters { SizeMiB = sizeMiB, Name = name });

    /// <summary>A detached disk, appended; its nodes must be the instance's and its template the instance's.</summary>
    public static InstanceDiskChange Attach(string name) =>
        new(GanetiDiskActions.Attach, Append, new InstanceDiskParameters { Name = name });

    /// <summary>Out of the instance, kept (data included) in the cluster's configuration and on its node.</summary>
    public static InstanceDiskChange Detach(string nameOrUuid) => new(GanetiDiskActions.Detach, nameOrUuid, new InstanceDiskParameters());

    /// <summary>Destroyed with its data. Refused for a running instance without hotplug.</summary>
    public static InstanceDiskChange Remove(string nameOrUuid) => new(GanetiDiskActions.Remove, nameOrUuid, new InstanceDiskParameters());
}

/// <summary>Disk parameters of a change; <c>remove</c> and <c>detach</c> must carry none (<c>{}</c>).</summary>
public sealed record InstanceDiskParameters
{
    [JsonPropertyName("size")]
    public int? SizeMiB { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>For <c>attach</c> only, instead of <see cref="Name"/> (exactly one of the two).</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }
}

public static class GanetiDiskActions
{
    public const string Add = "add";
    public const string Attach = "attach";
    public const string Detach = "detach";
    public const string Remove = "remove";
    public const string Modify = "modify";
}

/// <summary>Body of <c>POST /2/instances/&lt;name&gt;/disk/&lt;index&gt;/grow</c>.</summary>
/// <param name="AmountMiB">Grow by this much, or to this size when <paramref name="Absolute"/>.</param>
/// <param name="Absolute">True: the new size (a smaller one fails with <c>wrong_state</c>; the same one is a no-op).</param>
public sealed record DiskGrowRequest(
    [property: JsonPropertyName("amount")] int AmountMiB,
    [property: JsonPropertyName("absolute")] bool Absolute);
