using System.Text.Json;
using System.Text.Json.Serialization;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi.Json;

/// <summary>
/// The RAPI's JSON, in both directions: the client writes requests and reads answers; the simulator
/// reads requests and writes answers (with its own options, see <c>SimulatedRapiJson</c>). Nulls in
/// request bodies are left out so that the cluster's defaults apply.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(GanetiTimestampConverter), typeof(GanetiReasonConverter), typeof(GanetiJobLogEntryConverter), typeof(InstanceDiskChangeConverter),
        typeof(InstanceNicChangeConverter)])]
[JsonSerializable(typeof(GanetiClusterInfo))]
[JsonSerializable(typeof(GanetiInstance))]
[JsonSerializable(typeof(IReadOnlyList<GanetiInstance>))]
[JsonSerializable(typeof(IReadOnlyList<GanetiResourceLink>))]
[JsonSerializable(typeof(IReadOnlyList<GanetiNamedLink>))]
[JsonSerializable(typeof(GanetiJob))]
[JsonSerializable(typeof(IReadOnlyList<GanetiJob>))]
[JsonSerializable(typeof(IReadOnlyList<GanetiNode>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(InstanceCreateRequest))]
[JsonSerializable(typeof(InstanceShutdownRequest))]
[JsonSerializable(typeof(InstanceRebootRequest))]
[JsonSerializable(typeof(InstanceModifyRequest))]
[JsonSerializable(typeof(InstanceExportRequest))]
[JsonSerializable(typeof(DiskGrowRequest))]
[JsonSerializable(typeof(InstanceDiskParameters))]
[JsonSerializable(typeof(IReadOnlyList<InstanceDiskChange>))]
[JsonSerializable(typeof(InstanceNicSpec))]
[JsonSerializable(typeof(InstanceNicChange))]
[JsonSerializable(typeof(IReadOnlyList<InstanceNicChange>))]
[JsonSerializable(typeof(ClusterModifyRequest))]
[JsonSerializable(typeof(GanetiNetwork))]
[JsonSerializable(typeof(NetworkCreateRequest))]
[JsonSerializable(typeof(NetworkConnectRequest))]
[JsonSerializable(typeof(NetworkDisconnectRequest))]
[JsonSerializable(typeof(JobWaitRequest))]
[JsonSerializable(typeof(JobWaitResult))]
[JsonSerializable(typeof(RapiErrorBody))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class RapiJsonContext : JsonSerializerContext;
