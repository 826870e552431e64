using System.Text.Json;
using System.Text.Json.Serialization;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// The simulator's side of the RAPI JSON: it reads request bodies and writes answers with their
/// nulls, as Ganeti does (<c>"end_ts": null</c>; an unknown job is all nulls).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(GanetiTimestampConverter), typeof(GanetiReasonConverter), typeof(GanetiJobLogEntryConverter)])]
[JsonSerializable(typeof(GanetiClusterInfo))]
[JsonSerializable(typeof(GanetiInstance))]
[JsonSerializable(typeof(IReadOnlyList<GanetiInstance>))]
[JsonSerializable(typeof(IReadOnlyList<GanetiResourceLink>))]
[JsonSerializable(typeof(GanetiJob))]
[JsonSerializable(typeof(IReadOnlyList<GanetiJob>))]
[JsonSerializable(typeof(IReadOnlyList<GanetiNode>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(JobWaitResult))]
[JsonSerializable(typeof(RapiErrorBody))]
[JsonSerializable(typeof(InstanceCreateRequest))]
[JsonSerializable(typeof(InstanceShutdownRequest))]
[JsonSerializable(typeof(InstanceRebootRequest))]
[JsonSerializable(typeof(InstanceModifyRequest))]
[JsonSerializable(typeof(JobWaitRequest))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class SimulatedRapiJsonContext : JsonSerializerContext;
