using System.Globalization;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Json;

namespace Cyclades.Ganeti.Simulation;

/// <summary>Small JSON values for opcode parameters and results.</summary>
internal static class SimulatedJson
{
    public static readonly JsonElement Null = Parse("null");

    public static JsonElement Number(long value) => Parse(value.ToString(CultureInfo.InvariantCulture));

    public static JsonElement Boolean(bool value) => Parse(value ? "true" : "false");

    public static JsonElement String(string value) => JsonSerializer.SerializeToElement(value, RapiJsonContext.Default.String);

    public static JsonElement Array(params JsonElement[] items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
