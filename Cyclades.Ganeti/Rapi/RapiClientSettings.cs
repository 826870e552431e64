namespace Cyclades.Ganeti.Rapi;

/// <summary>How to reach one Ganeti RAPI.</summary>
/// <param name="BaseAddress">e.g. <c>https://cluster.example.org:5080</c>.</param>
public sealed record RapiClientSettings(Uri BaseAddress)
{
    /// <summary>HTTP Basic user; null sends no credentials.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Accept any server certificate. Only for throwaway test clusters.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>SHA-256 of the server certificate to pin (hex; colons and case ignored).</summary>
    public string? CertificateFingerprint { get; init; }

    /// <summary>PEM file of the CA that signed the server certificate, instead of the system store.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>Per attempt; must exceed the ~10 s of Ganeti's job-wait long poll.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a failed GET (never of a request that may have created a job).</summary>
    public int MaxGetRetries { get; init; } = 3;

    /// <summary>First retry delay; doubled each time, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
