using System.Security.Cryptography;
using Cyclades.Logic.Errors;
using Cyclades.Logic.KeyPairs;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Tags;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.KeyPairs;

public sealed class KeyPairServiceTests(DatabaseProvider provider) : LogicTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private KeyPairService KeyPairs => Logic.Get<KeyPairService>();

    [Test]
    public async Task A_generated_key_keeps_only_its_public_part()
    {
        var created = await KeyPairs.CreateAsync("u1", "k", KeyType.Rsa, PrivateKeyFormat.Pem, [new Tag("team", "ops")], None);

        using var rsa = RSA.Create();
        rsa.ImportFromPem(created.PrivateKey);
        var stored = await Logic.QuerySqlAsync<string>("SELECT public_key FROM key_pairs WHERE id = @id", new { id = created.KeyPair.Id });
        Assert.That(stored, Is.EqualTo(created.KeyPair.PublicKey).And.StartWith("ssh-rsa ").And.EndWith(" k"));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM key_pairs WHERE public_key LIKE '%PRIVATE%'"), Is.Zero);
        Assert.That((await Logic.Get<TagService>().ListForAsync("u1", TaggedResourceType.KeyPair, [created.KeyPair.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], None))
            .Single().Single(), Is.EqualTo(new Tag("team", "ops")));
    }

    [Test]
    public async Task Imported_keys_are_checked_and_fingerprinted_as_ec2_does()
    {
        var rsa = await KeyPairs.ImportAsync("u1", "rsa", KeyPairsContractTests.RsaPublicKey, [], None);
        var ed25519 = await KeyPairs.ImportAsync("u1", "ed", "  " + KeyPairsContractTests.Ed25519PublicKey + "\n", [], None);

        Assert.That((rsa.Type, rsa.Fingerprint), Is.EqualTo((KeyType.Rsa, KeyPairsContractTests.RsaPublicKeyFingerprint)));
        Assert.That((ed25519.Type, ed25519.Fingerprint), Is.EqualTo((KeyType.Ed25519, KeyPairsContractTests.Ed25519Fingerprint)));
        Assert.That(ed25519.PublicKey, Is.EqualTo(KeyPairsContractTests.Ed25519PublicKey.Replace("test@example", "ed", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<InvalidPublicKeyException>(() => KeyPairs.ImportAsync("u1", "bad", "ssh-rsa", [], None));
        await Assert.ThrowsAsync<InvalidPublicKeyException>(() => KeyPairs.ImportAsync("u1", "bad", "ecdsa-sha2-nistp256 AAAA", [], None));
    }

    [Test]
    public async Task Names_are_unique_per_user_and_deleting_takes_the_tags_along()
    {
        var mine = await KeyPairs.CreateAsync("u1", "k", KeyType.Ed25519, PrivateKeyFormat.Pem, [new Tag("a", "b")], None);
        var theirs = await KeyPairs.CreateAsync("u2", "k", KeyType.Ed25519, PrivateKeyFormat.Pem, [], None);

        await Assert.ThrowsAsync<KeyPairExistsException>(() => KeyPairs.CreateAsync("u1", "k", KeyType.Rsa, PrivateKeyFormat.Pem, [], None));
        await Assert.ThrowsAsync<KeyPairNotFoundException>(() => KeyPairs.GetAsync("u1", "other", None));
        Assert.That(await KeyPairs.DeleteAsync("u1", null, theirs.KeyPair.Id, None), Is.Null, "another user's key pair is not found");
        Assert.That(await KeyPairs.DeleteAsync("u1", "k", null, None), Is.EqualTo(mine.KeyPair));
        Assert.That(await KeyPairs.DeleteAsync("u1", "k", null, None), Is.Null);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM tags"), Is.Zero);
        Assert.That((await KeyPairs.ListAsync("u2", None)).Single().Id, Is.EqualTo(theirs.KeyPair.Id));
    }
}
