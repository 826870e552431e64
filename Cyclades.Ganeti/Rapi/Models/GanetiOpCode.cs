using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// One opcode of a job, as the job lists it (its input parameters). Only the fields Cyclades reads
/// are typed; every other parameter is kept in <see cref="OtherParameters"/>.
/// </summary>
public sealed class GanetiOpCode
{
    /// <summary>e.g. <c>OP_INSTANCE_SHUTDOWN</c>; see <see cref="GanetiOpIds"/>.</summary>
    [JsonPropertyName("OP_ID")]
    public required string OpId { get; init; }

    /// <summary>Absent for opcodes that are not about one instance.</summary>
    [JsonPropertyName("instance_name")]
    public string? InstanceName { get; init; }

    [JsonPropertyName("beparams")]
    public GanetiBeParams? BeParams { get; init; }

    [JsonPropertyName("reason")]
    public IReadOnlyList<GanetiReason>? Reason { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherParameters { get; set; }

    /// <summary>
    /// The instance the op is about: its <c>instance_name</c>, or for a tags op on an instance
    /// (<c>kind: instance</c>) its <c>name</c>.
    /// </summary>
    [JsonIgnore]
    public string? TargetInstance => InstanceName
        ?? (OpId is GanetiOpIds.TagsSet or GanetiOpIds.TagsDelete && Text("kind") == "instance" ? Text("name") : null);

    private string? Text(string parameter) =>
        OtherParameters?.GetValueOrDefault(parameter) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

public static class GanetiOpIds
{
    public const string InstanceCreate = "OP_INSTANCE_CREATE";
    public const string InstanceStartup = "OP_INSTANCE_STARTUP";
    public const string InstanceShutdown = "OP_INSTANCE_SHUTDOWN";
    public const string InstanceReboot = "OP_INSTANCE_REBOOT";
    public const string InstanceRemove = "OP_INSTANCE_REMOVE";
    public const string InstanceSetParams = "OP_INSTANCE_SET_PARAMS";
    public const string BackupExport = "OP_BACKUP_EXPORT";
    public const string InstanceGrowDisk = "OP_INSTANCE_GROW_DISK";
    public const string ClusterSetParams = "OP_CLUSTER_SET_PARAMS";
    public const string NetworkAdd = "OP_NETWORK_ADD";
    public const string NetworkConnect = "OP_NETWORK_CONNECT";
    public const string NetworkRemove = "OP_NETWORK_REMOVE";
    public const string TagsSet = "OP_TAGS_SET";
    public const string TagsDelete = "OP_TAGS_DEL";
}
