using System.Security.Cryptography;
using Cyclades.Logic;
using Cyclades.Logic.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Logic.Secrets;

public sealed class AesGcmSecretProtectorTests
{
    [Test]
    public void Protected_values_round_trip_differ_each_time_and_detect_tampering()
    {
        var protector = new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32));

        var first = protector.Protect("gnt-test-pass");
        var second = protector.Protect("gnt-test-pass");

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(protector.Unprotect(first), Is.EqualTo("gnt-test-pass"));
        var tampered = first[..^4] + (first[^4] == 'A' ? 'B' : 'A') + first[^3..];
        Assert.That(() => protector.Unprotect(tampered), Throws.InstanceOf<CryptographicException>());
        Assert.That(() => new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(first), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Without_a_configured_key_one_is_generated_once_in_the_data_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cyclades-secret-test", Guid.NewGuid().ToString("N"));
        try
        {
            var options = Options.Create(new CycladesOptions { DataDirectory = directory });
            var configuration = new ConfigurationBuilder().Build();

            var value = AesGcmSecretProtector.FromConfiguration(configuration, options).Protect("x");

            Assert.That(AesGcmSecretProtector.FromConfiguration(configuration, options).Unprotect(value), Is.EqualTo("x"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(directory, "secret.key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void A_configured_key_must_be_32_bytes_of_base64()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AesGcmSecretProtector.KeySetting] = "c2hvcnQ=" }).Build();

        Assert.That(() => AesGcmSecretProtector.FromConfiguration(configuration, Options.Create(new CycladesOptions())),
            Throws.InvalidOperationException.With.Message.Contains("Cyclades:Secrets:Key must be 32 bytes"));
    }
}
