using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>The body of an HTTP error: <c>{"code": 400, "message": "…", "explain": "…"}</c> (message HTML-escaped).</summary>
public sealed record RapiErrorBody(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("explain")] string? Explain);
