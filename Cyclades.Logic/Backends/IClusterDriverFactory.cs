namespace Cyclades.Logic.Backends;

/// <summary>How to reach one cluster, as stored with its backend row (the password encrypted at rest).</summary>
/// <param name="Url">RAPI base URL, e.g. <c>https://127.0.0.1:5080</c>; ignored when simulated.</param>
/// <param name="CertificateFingerprint">SHA-256 of the server certificate to pin, hex; null = system trust.</param>
/// <param name="Simulated">Use the built-in simulated cluster (the embedded default) instead of a real one.</param>
public sealed record BackendEndpoint(
    string Url,
    string? User,
    string? Password,
    bool InsecureSkipTlsVerify,
    string? CertificateFingerprint,
    bool Simulated);

/// <summary>Builds the driver for one cluster. Implemented by Cyclades.Ganeti.</summary>
public interface IClusterDriverFactory
{
    IClusterDriver Create(string backendName, BackendEndpoint endpoint);
}
