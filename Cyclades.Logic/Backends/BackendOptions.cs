namespace Cyclades.Logic.Backends;

/// <summary>Bound from <c>Cyclades:Backends:&lt;n&gt;:…</c>; with none configured, one simulated cluster.</summary>
public sealed class BackendOptions
{
    public const string Section = "Cyclades:Backends";

    public List<BackendDefinition> Backends { get; set; } = [];

    public static BackendDefinition EmbeddedDefault => new() { Name = "local-1a", Url = "simulated://local-1a", Simulated = true };
}

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

    public bool Enabled { get; set; } = true;

    public bool Drained { get; set; }

    /// <summary>The private IPv4 network servers get addresses from.</summary>
    public string Network { get; set; } = "10.0.0.0/16";

    public BackendEndpoint ToEndpoint() =>
        new(Url, User, Password, InsecureSkipTlsVerify, CertificateFingerprint, Simulated);
}
