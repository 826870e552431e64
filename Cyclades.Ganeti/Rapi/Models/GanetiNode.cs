using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>A node from <c>GET /2/nodes?bulk=1</c>. Resource fields are null when the node did not answer.</summary>
public sealed class GanetiNode
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    [JsonPropertyName("offline")]
    public bool Offline { get; init; }

    [JsonPropertyName("drained")]
    public bool Drained { get; init; }

    [JsonPropertyName("vm_capable")]
    public bool VmCapable { get; init; }

    [JsonPropertyName("master_candidate")]
    public bool MasterCandidate { get; init; }

    /// <summary><c>M</c>aster, <c>C</c>andidate, <c>R</c>egular, <c>D</c>rained or <c>O</c>ffline.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonPropertyName("mtotal")]
    public long? MemoryTotalMiB { get; init; }

    /// <summary>Memory the node itself uses.</summary>
    [JsonPropertyName("mnode")]
    public long? MemoryNodeMiB { get; init; }

    [JsonPropertyName("mfree")]
    public long? MemoryFreeMiB { get; init; }

    [JsonPropertyName("dtotal")]
    public long? DiskTotalMiB { get; init; }

    [JsonPropertyName("dfree")]
    public long? DiskFreeMiB { get; init; }

    [JsonPropertyName("ctotal")]
    public int? CpuTotal { get; init; }

    [JsonPropertyName("pinst_cnt")]
    public int PrimaryInstanceCount { get; init; }

    [JsonPropertyName("pinst_list")]
    public IReadOnlyList<string>? PrimaryInstances { get; init; }

    [JsonPropertyName("pip")]
    public string? PrimaryIp { get; init; }

    [JsonPropertyName("group.uuid")]
    public string? GroupUuid { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Online, not drained and allowed to host instances.</summary>
    [JsonIgnore]
    public bool CanHostInstances => !Offline && !Drained && VmCapable;
}
