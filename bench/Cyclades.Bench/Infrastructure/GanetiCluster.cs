using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cyclades.Bench.Infrastructure;

/// <summary>
/// The real Ganeti test cluster, as <c>scripts/ganeti-test-cluster env</c> describes it
/// (<c>CYCLADES_TEST_GANETI_*</c>), and the two RAPI reads the benchmark needs.
/// </summary>
public sealed record GanetiCluster(string Url, string User, string Password, string? CertificateSha256, string? Network, string? Subnet)
{
    public static GanetiCluster? FromEnvironment() =>
        Variable("URL") is { } url
            ? new GanetiCluster(url, Variable("USER") ?? "", Variable("PASSWORD") ?? "", Variable("CERT_SHA256"), Variable("NETWORK"), Variable("SUBNET"))
            : null;

    /// <summary>The service's settings for this cluster, over those of <c>appsettings.GanetiTest.json</c>.</summary>
    public IEnumerable<KeyValuePair<string, string>> ServiceSettings()
    {
        yield return KeyValuePair.Create("Cyclades:Ganeti:Clusters:0:Url", Url);
        yield return KeyValuePair.Create("Cyclades:Ganeti:Clusters:0:User", User);
        yield return KeyValuePair.Create("Cyclades:Ganeti:Clusters:0:Password", Password);
        if (Network is not null)
        {
            yield return KeyValuePair.Create("Cyclades:Ganeti:Clusters:0:Network", Network);
        }
        if (Subnet is not null)
        {
            yield return KeyValuePair.Create("Cyclades:Ganeti:Clusters:0:Subnet", Subnet);
        }
    }

    /// <summary>A RAPI client: basic auth, the certificate pinned when its fingerprint is known (a throwaway loopback cluster otherwise).</summary>
    public HttpClient CreateRapiClient()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && (CertificateSha256 is null
                || Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()))
                    .Equals(CertificateSha256.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        var client = new HttpClient(handler) { BaseAddress = new Uri(Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        return client;
    }

    public static async Task<IReadOnlySet<long>> JobIdsAsync(HttpClient rapi, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await rapi.GetStringAsync("2/jobs", cancellationToken));
        return json.RootElement.EnumerateArray().Select(j => j.GetProperty("id").GetInt64()).ToHashSet();
    }

    /// <summary>A job's first summary line and its end (null while it runs).</summary>
    public static async Task<(string Summary, DateTimeOffset? EndedAt)> JobAsync(HttpClient rapi, long id, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await rapi.GetStringAsync($"2/jobs/{id}", cancellationToken));
        var job = json.RootElement;
        var summary = job.GetProperty("summary").EnumerateArray().Select(s => s.GetString() ?? "").FirstOrDefault() ?? "";
        var end = job.GetProperty("end_ts");
        return (summary, end.ValueKind == JsonValueKind.Array
            ? DateTimeOffset.FromUnixTimeSeconds(end[0].GetInt64()).AddTicks(end[1].GetInt64() * 10)
            : null);
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable($"CYCLADES_TEST_GANETI_{name}") is { Length: > 0 } value ? value : null;
}
