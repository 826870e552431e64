using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cyclades.Ganeti.Rapi.Json;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// The simulator writes the RAPI JSON as Ganeti's Python does: with its nulls (<c>"end_ts": null</c>;
/// an unknown job is all nulls) and without escaping HTML characters. The client's request bodies,
/// by contrast, leave nulls out.
/// </summary>
internal static class SimulatedRapiJson
{
    private static readonly Lazy<RapiJsonContext> LazyWire = new(() => new RapiJsonContext(
        new JsonSerializerOptions(RapiJsonContext.Default.Options)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));

    public static RapiJsonContext Wire => LazyWire.Value;
}
