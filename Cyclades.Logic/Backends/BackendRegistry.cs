using Cyclades.Logic.Configuration;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Secrets;

namespace Cyclades.Logic.Backends;

/// <summary>The clusters servers can be placed on, as defined in configuration and kept in the database.</summary>
public sealed class BackendRegistry(IDbConnectionFactory connections, SecretProtector secrets, ClusterDriverCache drivers, TimeProvider clock)
{
    public Task<IReadOnlyList<Backend>> ListAsync(CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (IReadOnlyList<Backend>)(await BackendRepository.ListAsync(db, cancellationToken)).Select(r => r.ToBackend()).ToList(),
            cancellationToken);

    public async Task<Backend?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await connections.ReadAsync(db => BackendRepository.GetAsync(db, id, cancellationToken), cancellationToken))?.ToBackend();

    public async Task<Backend?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await connections.ReadAsync(db => BackendRepository.FindAsync(db, name, cancellationToken), cancellationToken))?.ToBackend();

    /// <summary>
    /// Makes the database hold exactly these definitions (matched by name; the password encrypted),
    /// enabled. A configured backend no longer defined is disabled, not deleted: its servers still
    /// refer to it. Backends an operator added (<see cref="DefinitionOrigin.Admin"/>) are left alone
    /// unless configuration defines the same name. Whether a backend is drained is the operator's
    /// choice and survives a sync.
    /// </summary>
    public Task SyncAsync(IReadOnlyList<BackendDefinition> definitions, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var now = UnixTime.ToMicros(clock.GetUtcNow());
            var existing = await BackendRepository.ListAsync(db, cancellationToken);
            foreach (var definition in definitions)
            {
                var row = existing.FirstOrDefault(b => b.Name == definition.Name);
                if (row is null)
                {
                    await BackendRepository.InsertAsync(
                        db, definition, Protect(definition.Name, definition.Password), DefinitionOrigin.Config, now, cancellationToken);
                }
                else if (!Matches(row, definition))
                {
                    await BackendRepository.UpdateAsync(db, row.Id, definition, Protect(definition.Name, definition.Password), now, cancellationToken);
                    drivers.Invalidate(row.Id);
                }
            }
            foreach (var gone in existing.Where(b => b.Enabled && b.DefinitionOrigin == DefinitionOrigin.Config && definitions.All(d => d.Name != b.Name)))
            {
                await BackendRepository.SetFlagsAsync(db, gone.Id, enabled: false, gone.Drained, now, cancellationToken);
            }
            return true;
        }, cancellationToken);

    /// <summary>
    /// Adds a backend an operator defined (the admin command line), enabled and not drained; the
    /// start-up sync leaves it alone. The caller checks the endpoint (the cluster driver's rules).
    /// </summary>
    public async Task<Backend> AddAsync(BackendDefinition definition, CancellationToken cancellationToken)
    {
        DefinitionException.ThrowIfAny($"Backend '{definition.Name}'", definition.Problems());
        var id = await connections.WriteAsync(async db =>
        {
            if (await BackendRepository.FindAsync(db, definition.Name, cancellationToken) is not null)
            {
                throw new DefinitionException($"Backend '{definition.Name}' already exists.");
            }
            return await BackendRepository.InsertAsync(
                db, definition, Protect(definition.Name, definition.Password), DefinitionOrigin.Admin,
                UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
        }, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>A drained backend keeps its servers but receives no new ones.</summary>
    public Task SetDrainedAsync(string name, bool drained, CancellationToken cancellationToken) =>
        SetFlagsAsync(name, b => (b.Enabled, drained), cancellationToken);

    public Task SetEnabledAsync(string name, bool enabled, CancellationToken cancellationToken) =>
        SetFlagsAsync(name, b => (enabled, b.Drained), cancellationToken);

    /// <summary>Records the cluster identity seen by the dispatcher (job ids restart when it changes).</summary>
    public Task RecordClusterIdAsync(long backendId, string clusterId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            await BackendRepository.SetClusterIdAsync(db, backendId, clusterId, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);

    private Task SetFlagsAsync(string name, Func<Backend, (bool Enabled, bool Drained)> change, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var row = await BackendRepository.FindAsync(db, name, cancellationToken) ?? throw new BackendNotFoundException(name);
            var (enabled, drained) = change(row.ToBackend());
            await BackendRepository.SetFlagsAsync(db, row.Id, enabled, drained, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);

    private bool Matches(BackendRepository.BackendRow row, BackendDefinition d) =>
        (row.Url, row.Username, row.InsecureSkipTlsVerify, row.CertificateFingerprint, row.Simulated, row.Enabled, row.NetworkCidr, row.DefinitionOrigin) ==
        (d.Url, d.User, d.InsecureSkipTlsVerify, d.CertificateFingerprint, d.Simulated, true, d.Subnet, DefinitionOrigin.Config)
        && BackendPassword.Unprotect(secrets, row.Name, row.PasswordProtected) == d.Password;

    private string? Protect(string name, string? password) => BackendPassword.Protect(secrets, name, password);
}
