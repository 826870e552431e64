using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary><c>GET /2/networks/&lt;name&gt;</c>: a Ganeti network (an address range with its pool) and the node groups it is connected to.</summary>
public sealed record GanetiNetwork
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("network")]
    public string? Network { get; init; }

    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    [JsonPropertyName("free_count")]
    public long? FreeCount { get; init; }

    [JsonPropertyName("reserved_count")]
    public long? ReservedCount { get; init; }

    /// <summary>One entry per connected node group: <c>[group, mode, link, vlan]</c>.</summary>
    [JsonPropertyName("group_list")]
    public IReadOnlyList<IReadOnlyList<string>>? GroupList { get; init; }

    [JsonPropertyName("inst_list")]
    public IReadOnlyList<string>? Instances { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    /// <summary>The names of the node groups the network is connected to.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ConnectedGroups => GroupList?.Where(g => g.Count > 0).Select(g => g[0]).ToList() ?? [];
}

/// <summary>Body of <c>POST /2/networks</c> (<c>OP_NETWORK_ADD</c>).</summary>
public sealed record NetworkCreateRequest
{
    [JsonPropertyName("network_name")]
    public required string Name { get; init; }

    /// <summary>IPv4 CIDR.</summary>
    [JsonPropertyName("network")]
    public required string Network { get; init; }

    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    /// <summary>Checked only when true: that no node's address is in the range.</summary>
    [JsonPropertyName("conflicts_check")]
    public bool? ConflictsCheck { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }
}

/// <summary>Body of <c>PUT /2/networks/&lt;name&gt;/connect</c> (<c>OP_NETWORK_CONNECT</c>); connecting again is a no-op.</summary>
public sealed record NetworkConnectRequest
{
    [JsonPropertyName("group_name")]
    public required string GroupName { get; init; }

    /// <summary><c>bridged</c>, <c>routed</c> or <c>openvswitch</c>.</summary>
    [JsonPropertyName("network_mode")]
    public required string Mode { get; init; }

    /// <summary>The bridge (or routing table, or switch) NICs on the network use.</summary>
    [JsonPropertyName("network_link")]
    public required string Link { get; init; }

    [JsonPropertyName("conflicts_check")]
    public bool? ConflictsCheck { get; init; }
}

/// <summary>Body of <c>PUT /2/networks/&lt;name&gt;/disconnect</c>.</summary>
public sealed record NetworkDisconnectRequest([property: JsonPropertyName("group_name")] string GroupName);
