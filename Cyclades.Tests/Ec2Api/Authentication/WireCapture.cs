using System.Text;
using System.Text.Json;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Protocol;
using Microsoft.AspNetCore.Http;

namespace Cyclades.Tests.Ec2Api.Authentication;

/// <summary>
/// One request of <c>TestData/ec2-wire-captures.jsonl</c>: real clients (AWS CLI v1/v2, boto3,
/// AWSSDK.EC2, the JS SDK) signing with the secret <c>secret</c> (a copy of
/// shared/reference/ec2-wire-captures.jsonl).
/// </summary>
public sealed record WireCapture(string Client, string Tag, string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public const string Secret = "secret";

    public static IReadOnlyList<WireCapture> All { get; } = Load();

    public string RawPath => Path.Split('?')[0];

    public string RawQuery => Path.Contains('?') ? Path[(Path.IndexOf('?') + 1)..] : "";

    /// <summary>The request time the client signed (header or presigned query).</summary>
    public string AmzDate =>
        Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Date", StringComparison.OrdinalIgnoreCase)).Value
        ?? FormDecoder.Decode(RawQuery).First(p => p.Key == "X-Amz-Date").Value;

    public DateTimeOffset SignedAt => DateTimeOffset.ParseExact(AmzDate, SigV4Parser.DateFormat,
        System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    public SigV4Request ToRequest(string? body = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? rawQuery = null)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers ?? Headers)
        {
            dictionary.Append(name, value);
        }
        return new SigV4Request(Method, RawPath, rawQuery ?? RawQuery, dictionary, Encoding.UTF8.GetBytes(body ?? Body));
    }

    public override string ToString() => $"{Client} {Tag}";

    private static List<WireCapture> Load()
    {
        var path = System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ec2-wire-captures.jsonl");
        return File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
        {
            var json = JsonDocument.Parse(line).RootElement;
            var headers = json.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
            return new WireCapture(json.GetProperty("client").GetString()!, json.GetProperty("tag").GetString()!,
                json.GetProperty("method").GetString()!, json.GetProperty("path").GetString()!, headers, json.GetProperty("body").GetString()!);
        }).ToList();
    }
}
