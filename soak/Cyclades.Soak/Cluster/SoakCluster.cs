using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cyclades.Soak.Cluster;

/// <summary>
/// The one Ganeti cluster every node shares, and that outlives them: the simulator as its own
/// process, or the real test cluster. The soak reads its instances over the RAPI, as the nodes do.
/// </summary>
public abstract class SoakCluster : IAsyncDisposable
{
    private readonly HttpClient _http;

    protected SoakCluster(Uri url, string? fingerprint, string? user, string? password)
    {
        Url = url;
        Fingerprint = fingerprint;
        User = user;
        Password = password;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            fingerprint is null || (certificate is not null
                && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), fingerprint, StringComparison.OrdinalIgnoreCase));
        _http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        if (user is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
    }

    public Uri Url { get; }

    /// <summary>SHA-256 of the RAPI's certificate, pinned by the nodes; null = not checked (a throwaway test cluster).</summary>
    public string? Fingerprint { get; }

    public string? User { get; }

    public string? Password { get; }

    protected HttpClient Http => _http;

    /// <summary>The cluster's settings for the nodes (<c>Cyclades:Ganeti:Clusters:0:*</c> and the catalog it needs), as environment variables.</summary>
    public abstract IReadOnlyDictionary<string, string> ServiceSettings(string backendName);

    /// <summary>The fault counters so far; null for a cluster that injects none.</summary>
    public virtual Task<SimulatorFaults?> FaultsAsync(CancellationToken cancellationToken) => Task.FromResult<SimulatorFaults?>(null);

    /// <summary>Stops injecting faults (the end of the run settles without them).</summary>
    public virtual Task StopFaultsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The names of every instance on the cluster.</summary>
    public async Task<IReadOnlyList<string>> InstanceNamesAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/2/instances", cancellationToken));
        return document.RootElement.EnumerateArray().Select(link => link.GetProperty("id").GetString()!).ToList();
    }

    protected async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<JsonElement>(path, cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
