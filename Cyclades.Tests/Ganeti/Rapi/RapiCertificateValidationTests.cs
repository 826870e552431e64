using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cyclades.Ganeti.Rapi;

namespace Cyclades.Tests.Ganeti.Rapi;

[Category("Unit")]
public sealed class RapiCertificateValidationTests
{
    private static readonly Uri Address = new("https://cluster.ganeti.test:5080");

    [Test]
    public void By_default_the_system_decides() =>
        Assert.That(RapiCertificateValidation.Create(new RapiClientSettings(Address)), Is.Null);

    [Test]
    public void Insecure_accepts_anything()
    {
        var callback = RapiCertificateValidation.Create(new RapiClientSettings(Address) { InsecureSkipTlsVerify = true })!;

        using var certificate = SelfSigned("CN=anyone");
        Assert.That(callback(this, certificate, null, SslPolicyErrors.RemoteCertificateChainErrors), Is.True);
    }

    [Test]
    public void A_pinned_fingerprint_accepts_exactly_that_self_signed_certificate()
    {
        using var pinned = SelfSigned("CN=ganeti.example.com");
        using var other = SelfSigned("CN=ganeti.example.com");
        var fingerprint = string.Join(":", Convert.ToHexString(pinned.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)))
            .ToLowerInvariant();
        var callback = RapiCertificateValidation.Create(new RapiClientSettings(Address) { CertificateFingerprint = fingerprint })!;

        var errors = SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch;
        Assert.That(callback(this, pinned, null, errors), Is.True);
        Assert.That(callback(this, other, null, errors), Is.False);
        Assert.That(callback(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable), Is.False);
    }

    [Test]
    public void A_CA_file_accepts_certificates_it_signed_for_the_right_name_only()
    {
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=Test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var authority = authorityRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=cluster.ganeti.test", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var signed = serverRequest.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), [1, 2, 3]);
        using var stranger = SelfSigned("CN=cluster.ganeti.test");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, authority.ExportCertificatePem());
            var callback = RapiCertificateValidation.Create(new RapiClientSettings(Address) { CaCertificateFile = file })!;

            Assert.That(callback(this, signed, null, SslPolicyErrors.RemoteCertificateChainErrors), Is.True);
            Assert.That(callback(this, stranger, null, SslPolicyErrors.RemoteCertificateChainErrors), Is.False);
            Assert.That(callback(this, signed, null, SslPolicyErrors.RemoteCertificateNameMismatch), Is.False);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create();
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
