using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary><c>GET /2/info</c>. The many parameter dictionaries are kept untyped in <see cref="OtherFields"/>.</summary>
public sealed class GanetiClusterInfo
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Changes when the cluster is rebuilt (and job ids restart at 1).</summary>
    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }

    [JsonPropertyName("software_version")]
    public required string SoftwareVersion { get; init; }

    [JsonPropertyName("protocol_version")]
    public long? ProtocolVersion { get; init; }

    [JsonPropertyName("os_api_version")]
    public int? OsApiVersion { get; init; }

    [JsonPropertyName("master")]
    public string? Master { get; init; }

    [JsonPropertyName("default_hypervisor")]
    public string? DefaultHypervisor { get; init; }

    [JsonPropertyName("enabled_hypervisors")]
    public IReadOnlyList<string>? EnabledHypervisors { get; init; }

    [JsonPropertyName("enabled_disk_templates")]
    public IReadOnlyList<string>? EnabledDiskTemplates { get; init; }

    [JsonPropertyName("default_iallocator")]
    public string? DefaultIAllocator { get; init; }

    [JsonPropertyName("max_running_jobs")]
    public int? MaxRunningJobs { get; init; }

    /// <summary>Cluster-wide NIC defaults: <c>{"default": {"mode": "bridged", "link": "br0", "vlan": ""}}</c>.</summary>
    [JsonPropertyName("nicparams")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? NicParams { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonPropertyName("ctime")]
    public double? CreatedAt { get; init; }

    [JsonPropertyName("mtime")]
    public double? ModifiedAt { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherFields { get; set; }
}
