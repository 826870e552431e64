using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>An instance from <c>GET /2/instances/&lt;name&gt;</c> or <c>GET /2/instances?bulk=1</c> (fixed fields).</summary>
public sealed class GanetiInstance
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    /// <summary>What the cluster intends: <c>up</c>, <c>down</c> or <c>offline</c>.</summary>
    [JsonPropertyName("admin_state")]
    public string? AdminState { get; init; }

    /// <summary>What the hypervisor reports: true when it runs. Null when the node did not answer.</summary>
    [JsonPropertyName("oper_state")]
    public bool? OperState { get; init; }

    /// <summary>Combined state, see <see cref="GanetiInstanceStatuses"/>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("os")]
    public string? Os { get; init; }

    [JsonPropertyName("pnode")]
    public string? PrimaryNode { get; init; }

    [JsonPropertyName("snodes")]
    public IReadOnlyList<string>? SecondaryNodes { get; init; }

    [JsonPropertyName("disk_template")]
    public string? DiskTemplate { get; init; }

    [JsonPropertyName("disk.sizes")]
    public IReadOnlyList<int>? DiskSizesMiB { get; init; }

    /// <summary>The NICs' names (null for an unnamed NIC), e.g. <c>snf-nic-42</c>.</summary>
    [JsonPropertyName("nic.names")]
    public IReadOnlyList<string?>? NicNames { get; init; }

    [JsonPropertyName("nic.ips")]
    public IReadOnlyList<string?>? NicIps { get; init; }

    [JsonPropertyName("nic.macs")]
    public IReadOnlyList<string?>? NicMacs { get; init; }

    [JsonPropertyName("nic.modes")]
    public IReadOnlyList<string?>? NicModes { get; init; }

    [JsonPropertyName("nic.links")]
    public IReadOnlyList<string?>? NicLinks { get; init; }

    [JsonPropertyName("nic.networks.names")]
    public IReadOnlyList<string?>? NicNetworkNames { get; init; }

    /// <summary>Effective backend parameters (cluster defaults filled in).</summary>
    [JsonPropertyName("beparams")]
    public GanetiBeParams? BeParams { get; init; }

    [JsonPropertyName("oper_ram")]
    public int? OperRamMiB { get; init; }

    [JsonPropertyName("oper_vcpus")]
    public int? OperVCpus { get; init; }

    [JsonPropertyName("network_port")]
    public int? NetworkPort { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Seconds since the Unix epoch (a float, unlike job timestamps).</summary>
    [JsonPropertyName("ctime")]
    public double? CreatedAt { get; init; }

    [JsonPropertyName("mtime")]
    public double? ModifiedAt { get; init; }

    [JsonPropertyName("serial_no")]
    public long? SerialNumber { get; init; }
}

public static class GanetiInstanceStatuses
{
    public const string Running = "running";
    public const string AdminDown = "ADMIN_down";
    public const string AdminOffline = "ADMIN_offline";
    public const string ErrorUp = "ERROR_up";
    public const string ErrorDown = "ERROR_down";
    public const string ErrorWrongNode = "ERROR_wrongnode";
    public const string ErrorNodeDown = "ERROR_nodedown";
    public const string ErrorNodeOffline = "ERROR_nodeoffline";
    public const string UserDown = "USER_down";
}

public static class GanetiAdminStates
{
    public const string Up = "up";
    public const string Down = "down";
    public const string Offline = "offline";
}
