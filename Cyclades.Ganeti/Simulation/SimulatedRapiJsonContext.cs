using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// The simulator's side of the RAPI JSON: it reads request bodies and writes answers as Ganeti's
/// Python does: with their nulls (<c>"end_ts": null</c>; an unknown job is all nulls) and without
/// escaping HTML characters (use <see cref="Wire"/>).
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
internal sealed partial class SimulatedRapiJsonContext : JsonSerializerContext
{
    // lazily: the generated Default may not be initialized yet when this class's fields are
    private static readonly Lazy<SimulatedRapiJsonContext> LazyWire =
        new(() => new SimulatedRapiJsonContext(new JsonSerializerOptions(Default!.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    public static SimulatedRapiJsonContext Wire => LazyWire.Value;
}
