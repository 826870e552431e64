using System.Text;

namespace Cyclades.Bench.Load;

/// <summary>An HTTP request exactly as a client sent it (signature included), to be replayed.</summary>
public sealed record CapturedRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>Headers wrk writes itself (from the URL and the body).</summary>
    private static readonly HashSet<string> WrittenByWrk = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length" };

    /// <summary>The same request to another path (the ceiling endpoint); everything else unchanged.</summary>
    public CapturedRequest WithPath(string pathAndQuery) => this with { PathAndQuery = pathAndQuery };

    /// <summary>Writes the file <c>replay.lua</c> reads: method, path, headers, a blank line, the body.</summary>
    public void WriteReplayFile(string path)
    {
        var text = new StringBuilder().Append(Method).Append('\n').Append(PathAndQuery).Append('\n');
        foreach (var (name, value) in Headers.Where(h => !WrittenByWrk.Contains(h.Key)))
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }
        text.Append('\n');
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes(text.ToString()));
        file.Write(Body);
    }

    /// <summary>Sends it once (to check what it answers).</summary>
    public HttpRequestMessage ToMessage(Uri endpoint)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(endpoint, PathAndQuery))
        {
            Content = new ByteArrayContent(Body),
        };
        foreach (var (name, value) in Headers.Where(h => !WrittenByWrk.Contains(h.Key)))
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return message;
    }
}
