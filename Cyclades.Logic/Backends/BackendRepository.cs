using Cyclades.Logic.Configuration;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Backends;

internal static class BackendRepository
{
    private const string Columns = """
        id AS Id, name AS Name, enabled AS Enabled, drained AS Drained, simulated AS Simulated, url AS Url,
        network_cidr AS NetworkCidr, cluster_id AS ClusterId, created_at AS CreatedAt, updated_at AS UpdatedAt,
        username AS Username, password_protected AS PasswordProtected, insecure_skip_tls_verify AS InsecureSkipTlsVerify,
        certificate_fingerprint AS CertificateFingerprint, origin AS Origin
        """;

    public static async Task<IReadOnlyList<BackendRow>> ListAsync(Db db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<BackendRow>($"SELECT {Columns} FROM backends ORDER BY id", null, cancellationToken)).ToList();

    public static Task<BackendRow?> GetAsync(Db db, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<BackendRow>($"SELECT {Columns} FROM backends WHERE id = @id", new { id }, cancellationToken);

    public static Task<BackendRow?> FindAsync(Db db, string name, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<BackendRow>($"SELECT {Columns} FROM backends WHERE name = @name", new { name }, cancellationToken);

    public static Task<long> InsertAsync(
        Db db, BackendDefinition definition, string? passwordProtected, DefinitionOrigin origin, long now, CancellationToken cancellationToken) =>
        db.InsertAsync(
            """
            INSERT INTO backends (name, url, username, password_protected, insecure_skip_tls_verify, certificate_fingerprint,
                simulated, enabled, drained, network_cidr, origin, created_at, updated_at)
            VALUES (@Name, @Url, @User, @passwordProtected, @InsecureSkipTlsVerify, @CertificateFingerprint,
                @Simulated, 1, 0, @Subnet, @origin, @now, @now)
            """,
            Parameters(definition, passwordProtected, now, origin: origin), cancellationToken);

    public static Task UpdateAsync(Db db, long id, BackendDefinition definition, string? passwordProtected, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE backends SET url = @Url, username = @User, password_protected = @passwordProtected,
                insecure_skip_tls_verify = @InsecureSkipTlsVerify, certificate_fingerprint = @CertificateFingerprint,
                simulated = @Simulated, enabled = 1, network_cidr = @Subnet, origin = @origin, updated_at = @now
            WHERE id = @id
            """,
            Parameters(definition, passwordProtected, now, id, DefinitionOrigin.Config), cancellationToken);

    public static Task SetFlagsAsync(Db db, long id, bool enabled, bool drained, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE backends SET enabled = @enabled, drained = @drained, updated_at = @now WHERE id = @id",
            new { id, enabled, drained, now }, cancellationToken);

    public static Task SetClusterIdAsync(Db db, long id, string clusterId, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE backends SET cluster_id = @clusterId, updated_at = @now WHERE id = @id",
            new { id, clusterId, now }, cancellationToken);

    private static Dapper.DynamicParameters Parameters(
        BackendDefinition d, string? passwordProtected, long now, long id = 0, DefinitionOrigin origin = DefinitionOrigin.Config)
    {
        var parameters = new Dapper.DynamicParameters(new
        {
            d.Name,
            d.Url,
            d.User,
            d.InsecureSkipTlsVerify,
            d.CertificateFingerprint,
            d.Simulated,
            d.Subnet,
        });
        parameters.Add("passwordProtected", passwordProtected);
        parameters.Add("now", now);
        parameters.Add("id", id);
        parameters.Add("origin", origin.ToDb());
        return parameters;
    }

    internal sealed record BackendRow
    {
        public long Id { get; init; }

        public required string Name { get; init; }

        public bool Enabled { get; init; }

        public bool Drained { get; init; }

        public bool Simulated { get; init; }

        public required string Url { get; init; }

        public required string NetworkCidr { get; init; }

        public string? ClusterId { get; init; }

        public long CreatedAt { get; init; }

        public long UpdatedAt { get; init; }

        public string? Username { get; init; }

        public string? PasswordProtected { get; init; }

        public bool InsecureSkipTlsVerify { get; init; }

        public string? CertificateFingerprint { get; init; }

        public required string Origin { get; init; }

        public DefinitionOrigin DefinitionOrigin => DbNames.Parse<DefinitionOrigin>(Origin);

        public Backend ToBackend() => new(
            Id, Name, Enabled, Drained, Simulated, Url, NetworkCidr, ClusterId,
            UnixTime.FromMicros(CreatedAt), UnixTime.FromMicros(UpdatedAt))
        {
            Origin = DefinitionOrigin,
        };
    }
}
