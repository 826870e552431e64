namespace Cyclades.Logic.Backends;

/// <summary>
/// A cluster as the host's configuration declares it. Synced into the backends table at start-up;
/// whether a backend is drained is operator state kept in the database, not configuration.
/// </summary>
public sealed class BackendDefinition
{
    /// <summary>Unique; what users see as the placement (availability zone).</summary>
    public string Name { get; set; } = "";

    /// <summary>RAPI base URL, e.g. <c>https://127.0.0.1:5080</c>.</summary>
    public string Url { get; set; } = "";

    public string? User { get; set; }

    public string? Password { get; set; }

    public bool InsecureSkipTlsVerify { get; set; }

    /// <summary>SHA-256 of the RAPI certificate to pin, hex.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Use the built-in simulated cluster (the embedded default).</summary>
    public bool Simulated { get; set; }

    /// <summary>The private IPv4 subnet (CIDR) servers get their addresses from.</summary>
    public string Subnet { get; set; } = DefaultSubnet;

    public const string DefaultSubnet = "10.0.0.0/16";

    /// <summary>What the logic layer needs of a definition; the cluster driver checks the endpoint itself.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64)
        {
            yield return "Name must be 1-64 characters.";
        }
        if (!PrivateNetwork.TryParse(Subnet, out _, out var problem))
        {
            yield return $"Subnet {problem}";
        }
    }

    public BackendEndpoint ToEndpoint() =>
        new(Url, User, Password, InsecureSkipTlsVerify, CertificateFingerprint, Simulated);
}

/// <summary>Where the backend definitions come from (Cyclades.Ganeti reads them from its configuration).</summary>
public interface IBackendDefinitionSource
{
    IReadOnlyList<BackendDefinition> GetDefinitions();
}
