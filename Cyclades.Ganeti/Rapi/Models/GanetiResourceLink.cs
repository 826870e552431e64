using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>An entry of a non-bulk listing: <c>{"id": …, "uri": "/2/…"}</c> (the id is a name or a job number).</summary>
public sealed record GanetiResourceLink(
    [property: JsonPropertyName("id")] JsonElement Id,
    [property: JsonPropertyName("uri")] string Uri)
{
    [JsonIgnore]
    public string IdText => Id.ValueKind == JsonValueKind.String ? Id.GetString()! : Id.GetRawText();
}

/// <summary>An entry of the non-bulk listing of groups and networks: <c>{"name": …, "uri": "/2/…"}</c>.</summary>
public sealed record GanetiNamedLink(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("uri")] string Uri);
