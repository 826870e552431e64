using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>HTTP answers as Ganeti's RAPI server writes them.</summary>
internal static class SimulatedRapiResponses
{
    // Python's BaseHTTPRequestHandler texts, which Ganeti sends as "explain"
    private static readonly Dictionary<HttpStatusCode, string> Explanations = new()
    {
        [HttpStatusCode.BadRequest] = "Bad request syntax or unsupported method",
        [HttpStatusCode.Unauthorized] = "No permission -- see authorization schemes",
        [HttpStatusCode.NotFound] = "Nothing matches the given URI",
        [HttpStatusCode.UnsupportedMediaType] = "Entity body in unsupported format",
        [HttpStatusCode.InternalServerError] = "Server got itself in trouble",
        [HttpStatusCode.NotImplemented] = "Server does not support this operation",
        [HttpStatusCode.BadGateway] = "Invalid responses from another server/proxy",
        [HttpStatusCode.ServiceUnavailable] = "The server cannot process the request due to a high load",
        [HttpStatusCode.GatewayTimeout] = "The gateway server did not receive a timely response",
    };

    public static HttpResponseMessage Json<T>(HttpRequestMessage request, T value, JsonTypeInfo<T> type) =>
        Json(request, HttpStatusCode.OK, JsonSerializer.SerializeToUtf8Bytes(value, type));

    public static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }

    /// <summary><c>{"code", "message", "explain"}</c>, the message HTML-escaped as Ganeti does.</summary>
    public static HttpResponseMessage Error(HttpRequestMessage request, HttpStatusCode status, string message)
    {
        var body = new RapiErrorBody((int)status, HtmlEscape(message), Explanations.GetValueOrDefault(status, status.ToString()));
        return Json(request, status, JsonSerializer.SerializeToUtf8Bytes(body, SimulatedRapiJson.Wire.RapiErrorBody));
    }

    /// <summary>As Python's <c>html.escape</c>: <c>&amp; &lt; &gt; &quot; &#x27;</c>.</summary>
    public static string HtmlEscape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(character switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                _ => character.ToString(),
            });
        }
        return builder.ToString();
    }
}
