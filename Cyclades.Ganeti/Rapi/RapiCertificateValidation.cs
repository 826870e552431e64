using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// How the RAPI's certificate is trusted: the system store (default); a CA file (the chain must end
/// at that CA; the host name must still match); a pinned SHA-256 fingerprint (exactly that
/// certificate, whoever signed it — Ganeti's own certificates are self-signed); or, explicitly,
/// not at all.
/// </summary>
internal static class RapiCertificateValidation
{
    public static RemoteCertificateValidationCallback? Create(RapiClientSettings settings)
    {
        if (settings.InsecureSkipTlsVerify)
        {
            return (_, _, _, _) => true;
        }
        if (!string.IsNullOrWhiteSpace(settings.CertificateFingerprint))
        {
            var pinned = NormalizeFingerprint(settings.CertificateFingerprint);
            return (_, certificate, _, _) => certificate is not null
                && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.Ordinal);
        }
        if (!string.IsNullOrWhiteSpace(settings.CaCertificateFile))
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(settings.CaCertificateFile);
            return (_, certificate, _, errors) => IsSignedBy(certificate, errors, authorities);
        }
        return null;
    }

    /// <summary>Upper-case hex without separators, as <see cref="X509Certificate.GetCertHashString()"/> gives it.</summary>
    public static string NormalizeFingerprint(string fingerprint) =>
        new string(fingerprint.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();

    private static bool IsSignedBy(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
