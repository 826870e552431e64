using Cyclades.Logic.Secrets;
using System.Security.Cryptography;
using Cyclades.Logic.Accounts;

namespace Cyclades.Tests.Logic.Secrets;

[Category("Unit")]
public sealed class SecretProtectorTests
{
    private readonly SecretProtector _protector = new(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void A_protected_secret_round_trips_and_differs_each_time()
    {
        var first = _protector.Protect("AKIA1", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        var second = _protector.Protect("AKIA1", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(_protector.Unprotect("AKIA1", first), Is.EqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    }

    [Test]
    public void A_ciphertext_moved_to_another_key_id_or_altered_does_not_decrypt()
    {
        var stored = _protector.Protect("AKIA1", "secret");

        Assert.Throws(Is.InstanceOf<CryptographicException>(), () => _protector.Unprotect("AKIA2", stored));
        stored[^1] ^= 1;
        Assert.Throws(Is.InstanceOf<CryptographicException>(), () => _protector.Unprotect("AKIA1", stored));
    }
}
