using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cyclades.Ganeti.Simulator;

/// <summary>A fresh self-signed certificate for the listening address, as Ganeti makes its own RAPI certificate.</summary>
public static class SelfSignedCertificate
{
    public static X509Certificate2 Create(string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        if (System.Net.IPAddress.TryParse(host, out var address))
        {
            names.AddIpAddress(address);
        }
        else
        {
            names.AddDnsName(host);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        // Re-imported from PKCS#12 so that its private key is usable by SslStream everywhere.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The SHA-256 fingerprint the RAPI client pins (<c>CertificateFingerprint</c>).</summary>
    public static string Fingerprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
