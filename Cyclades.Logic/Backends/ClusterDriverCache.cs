using System.Collections.Concurrent;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Secrets;

namespace Cyclades.Logic.Backends;

/// <summary>One <see cref="IClusterDriver"/> per backend, built on first use from the stored endpoint.</summary>
public sealed class ClusterDriverCache(IDbConnectionFactory connections, IClusterDriverFactory factory, SecretProtector secrets)
{
    private readonly ConcurrentDictionary<long, Lazy<Task<IClusterDriver>>> _drivers = new();

    public Task<IClusterDriver> GetAsync(long backendId, CancellationToken cancellationToken)
    {
        var entry = _drivers.GetOrAdd(backendId, id => new Lazy<Task<IClusterDriver>>(() => CreateAsync(id)));
        if (entry.Value.IsFaulted)
        {
            // A failed build (e.g. the database was briefly unreachable) is retried next time.
            _drivers.TryRemove(KeyValuePair.Create(backendId, entry));
        }
        return entry.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets the driver of a backend whose endpoint changed.</summary>
    public void Invalidate(long backendId) => _drivers.TryRemove(backendId, out _);

    private async Task<IClusterDriver> CreateAsync(long backendId)
    {
        var row = await connections.ReadAsync(db => BackendRepository.GetAsync(db, backendId, CancellationToken.None), CancellationToken.None)
            ?? throw new InvalidOperationException($"Backend {backendId} does not exist.");
        var password = BackendPassword.Unprotect(secrets, row.Name, row.PasswordProtected);
        var endpoint = new BackendEndpoint(row.Url, row.Username, password, row.InsecureSkipTlsVerify, row.CertificateFingerprint, row.Simulated);
        return factory.Create(row.Name, endpoint);
    }
}
