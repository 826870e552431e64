using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// Body of <c>POST /2/instances</c> in request version 1 (RAPI feature <c>instance-create-reqv1</c>).
/// Null members are not sent: the cluster's defaults apply.
/// </summary>
public sealed record InstanceCreateRequest
{
    [JsonPropertyName("__version__")]
    public int Version { get; init; } = 1;

    /// <summary><c>create</c> (an OS install) or <c>import</c> (from <see cref="SourceNode"/>'s export at <see cref="SourcePath"/>).</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = "create";

    /// <summary>For <c>import</c>: the node that keeps the export.</summary>
    [JsonPropertyName("src_node")]
    public string? SourceNode { get; init; }

    /// <summary>For <c>import</c>: the export's directory on <see cref="SourceNode"/>.</summary>
    [JsonPropertyName("src_path")]
    public string? SourcePath { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>e.g. <c>diskless</c>, <c>file</c>, <c>plain</c>, <c>drbd</c>.</summary>
    [JsonPropertyName("disk_template")]
    public required string DiskTemplate { get; init; }

    [JsonPropertyName("disks")]
    public IReadOnlyList<InstanceDiskSpec> Disks { get; init; } = [];

    [JsonPropertyName("nics")]
    public IReadOnlyList<InstanceNicSpec> Nics { get; init; } = [new InstanceNicSpec()];

    /// <summary>OS with variant, e.g. <c>noop+default</c> (required when the OS has variants).</summary>
    [JsonPropertyName("os_type")]
    public required string OsType { get; init; }

    /// <summary>Must name only parameters the OS declares, or the job fails.</summary>
    [JsonPropertyName("osparams")]
    public IReadOnlyDictionary<string, string>? OsParameters { get; init; }

    [JsonPropertyName("beparams")]
    public GanetiBeParams? BeParams { get; init; }

    /// <summary>Null: the cluster's default hypervisor.</summary>
    [JsonPropertyName("hypervisor")]
    public string? Hypervisor { get; init; }

    /// <summary>The node to place the instance on; null lets the iallocator choose.</summary>
    [JsonPropertyName("pnode")]
    public string? PrimaryNode { get; init; }

    /// <summary>Null with no <see cref="PrimaryNode"/>: the cluster's default iallocator.</summary>
    [JsonPropertyName("iallocator")]
    public string? IAllocator { get; init; }

    /// <summary>Each must match <see cref="GanetiTags.IsValid"/>; a bad one fails the whole job.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>True would require the name to resolve in DNS.</summary>
    [JsonPropertyName("name_check")]
    public bool NameCheck { get; init; }

    [JsonPropertyName("ip_check")]
    public bool IpCheck { get; init; }

    /// <summary>True: the OS create scripts are not run (the disks stay blank).</summary>
    [JsonPropertyName("no_install")]
    public bool? NoInstall { get; init; }

    /// <summary>Null: start it (Ganeti's default).</summary>
    [JsonPropertyName("start")]
    public bool? Start { get; init; }
}

/// <param name="SizeMiB">Disk size in MiB.</param>
/// <param name="Name">The disk's name (unique in the cluster; <c>disk.names</c> reports it); null sends none.</param>
public sealed record InstanceDiskSpec(
    [property: JsonPropertyName("size")] int SizeMiB,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null);

/// <summary>One NIC. Empty: the cluster's default NIC parameters, no address.</summary>
public sealed record InstanceNicSpec
{
    /// <summary>An address, or <c>pool</c> to take one from <see cref="Network"/>'s pool.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    /// <summary>A Ganeti network; an explicit <see cref="Ip"/> must then lie in it and be free.</summary>
    [JsonPropertyName("network")]
    public string? Network { get; init; }

    [JsonPropertyName("mac")]
    public string? Mac { get; init; }

    /// <summary>The NIC's name (unique within the instance), e.g. <c>snf-nic-42</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("link")]
    public string? Link { get; init; }

    [JsonPropertyName("mode")]
    public string? Mode { get; init; }
}
