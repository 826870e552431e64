using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>Key pairs through AWSSDK.EC2, with the fingerprints AWS documents.</summary>
public sealed class KeyPairsContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    /// <summary>Made with ssh-keygen; fingerprint from <c>ssh-keygen -e -m PKCS8 | openssl pkey -pubin -outform DER | openssl md5 -c</c>.</summary>
    public const string RsaPublicKey =
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC/5JZaIHuEDo3aVaOm8wcY4Tx98j3csW5R2LgF6Ao1CL8row/hzzyMvsWS66913r9jW3+Y2g"
        + "jJAvRksnmaByBKr6O4tkhnl6TC3v2wU+0bgMmOAVstwmu32Aa927kvOEioe86FB3HNlTqDLbiWZt4iitA5Kz+DbNbeHnb0nrIToOd7yKqc/yFH"
        + "i+xJ5U3oRxLG8Pe3/kpUJHIEftaYgojXXQSuYBJ3fCANA9Z4z6GWEZyZ7nNaFeOpRsbTSI8775KdVrSwrn13zGQ3DFHJSVwFXivseSmqLY7ObD"
        + "Y+pDyIsHWLMLxXpVY6rvz6wgchJMuFqcETUbyBRRxTy3IeEZir test@example";

    public const string RsaPublicKeyFingerprint = "48:78:29:e9:96:a8:3f:71:b1:27:34:84:27:54:29:18";

    /// <summary>Made with ssh-keygen -t ed25519; fingerprint from <c>ssh-keygen -l</c> (SHA256:…, the base64 digest).</summary>
    public const string Ed25519PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGrEtJ9AxaoCpKvDGck87xIuZ50iBupZ3CHg19Vc6/Lb test@example";

    public const string Ed25519Fingerprint = "jemtKoq45Pj/gmm1r7cvi+wuNF80rkHzYrubsdgdLiw=";


    /// <summary>The .NET SDK sends PublicKeyMaterial as given: the API wants base64 (the CLIs and boto3 encode it themselves).</summary>
    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Name() => "kp-" + Guid.NewGuid().ToString("N")[..12];

    [Test]
    public async Task A_created_rsa_key_is_returned_once_with_the_sha1_of_its_pkcs8_private_key()
    {
        var name = Name();

        var created = (await Alice.CreateKeyPairAsync(new CreateKeyPairRequest
        {
            KeyName = name,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.KeyPair, Tags = [new Tag("team", "ops")] }],
        })).KeyPair;
        var described = (await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [name], IncludePublicKey = true })).KeyPairs.Single();

        using var rsa = RSA.Create();
        rsa.ImportFromPem(created.KeyMaterial);
        Assert.That(created.KeyMaterial, Does.StartWith("-----BEGIN RSA PRIVATE KEY-----"));
        Assert.That(rsa.KeySize, Is.EqualTo(2048));
        Assert.That(created.KeyFingerprint, Is.EqualTo(Convert.ToHexString(SHA1.HashData(rsa.ExportPkcs8PrivateKey())).ToLowerInvariant()
            .Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + ":" + b)));
        Assert.That(created.KeyPairId, Does.Match("^key-[0-9a-f]{17}$"));
        Assert.That(created.Tags.Single().Key, Is.EqualTo("team"));
        Assert.That((described.KeyPairId, described.KeyFingerprint, described.KeyType.Value), Is.EqualTo((created.KeyPairId, created.KeyFingerprint, "rsa")));
        Assert.That(described.PublicKey, Does.StartWith("ssh-rsa AAAAB3NzaC1yc2E").And.EndWith(" " + name));
        Assert.That(described.Tags.Single().Value, Is.EqualTo("ops"));
    }

    [Test]
    public async Task A_created_ed25519_key_is_an_openssh_private_key_with_the_base64_sha256_fingerprint()
    {
        var created = (await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = Name(), KeyType = KeyType.Ed25519 })).KeyPair;

        Assert.That(created.KeyMaterial, Does.StartWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        Assert.That(Convert.FromBase64String(created.KeyFingerprint), Has.Length.EqualTo(32));
    }

    [TestCase(RsaPublicKey, "rsa", RsaPublicKeyFingerprint)]
    [TestCase(Ed25519PublicKey, "ed25519", Ed25519Fingerprint)]
    public async Task Imported_keys_get_awss_fingerprints(string publicKey, string type, string fingerprint)
    {
        var name = Name();

        var imported = await Alice.ImportKeyPairAsync(new ImportKeyPairRequest { KeyName = name, PublicKeyMaterial = Base64(publicKey + "\n") });
        var described = (await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [name] })).KeyPairs.Single();

        Assert.That(imported.KeyFingerprint, Is.EqualTo(fingerprint));
        Assert.That((described.KeyType.Value, described.KeyFingerprint), Is.EqualTo((type, fingerprint)));
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        yield return new TestCaseData("not a key").SetName("Import: free text is not an OpenSSH key");
        yield return new TestCaseData("ssh-rsa AAAA!!!!").SetName("Import: bad base64 is not an OpenSSH key");
        yield return new TestCaseData("ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZpRV1AIlH7WT2NWPq/xfW6MPbLm1Vs14E7").SetName("Import: DSA is not accepted");
        yield return new TestCaseData(Ed25519PublicKey.Replace("ssh-ed25519", "ssh-rsa", StringComparison.Ordinal)).SetName("Import: a type that does not match the key");
    }

    [TestCaseSource(nameof(Malformed))]
    public async Task Malformed_public_keys_are_refused(string publicKey)
    {
        var error = await FailsAsync(() => Alice.ImportKeyPairAsync(new ImportKeyPairRequest { KeyName = Name(), PublicKeyMaterial = Base64(publicKey) }));

        Assert.That((error.ErrorCode, error.StatusCode, error.Message),
            Is.EqualTo(("InvalidKeyPair.Format", HttpStatusCode.BadRequest, "Key is not in valid OpenSSH public key format")));
    }

    [Test]
    public async Task Names_are_unique_lookups_filter_and_deleting_is_idempotent()
    {
        var name = Name();
        var created = (await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = name })).KeyPair;

        var duplicate = await FailsAsync(() => Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = name }));
        var unknown = await FailsAsync(() => Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [name, "nope"] }));
        var unknownId = await FailsAsync(() => Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyPairIds = ["key-0000000000000dead"] }));
        var byFilter = await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [new Filter("key-name", [name[..6] + "*"]), new Filter("fingerprint", [created.KeyFingerprint])] });
        var byId = await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyPairIds = [created.KeyPairId] });
        var deleted = await Alice.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = name });
        var again = await Alice.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = name });
        var byIdAfter = await Alice.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyPairId = created.KeyPairId });

        Assert.That((duplicate.ErrorCode, duplicate.Message), Is.EqualTo(("InvalidKeyPair.Duplicate", $"The keypair '{name}' already exists.")));
        Assert.That((unknown.ErrorCode, unknown.Message), Is.EqualTo(("InvalidKeyPair.NotFound", "The key pair 'nope' does not exist")));
        Assert.That(unknownId.ErrorCode, Is.EqualTo("InvalidKeyPair.NotFound"));
        Assert.That(byFilter.KeyPairs.Single().KeyName, Is.EqualTo(name));
        Assert.That(byId.KeyPairs.Single().KeyName, Is.EqualTo(name));
        Assert.That((deleted.Return, deleted.KeyPairId), Is.EqualTo((true, created.KeyPairId)));
        Assert.That((again.Return, byIdAfter.Return), Is.EqualTo((true, true)));
        Assert.That((await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs?.Select(k => k.KeyName) ?? [], Does.Not.Contain(name));
    }

    [Test]
    public async Task Invalid_names_and_types_are_refused()
    {
        var tooLong = await FailsAsync(() => Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = new string('k', 256) }));
        var notAscii = await FailsAsync(() => Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "clé" }));
        var type = await FailsAsync(() => Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = Name(), KeyType = "dsa" }));
        var missing = await FailsAsync(() => Alice.DeleteKeyPairAsync(new DeleteKeyPairRequest()));

        Assert.That(new[] { tooLong.ErrorCode, notAscii.ErrorCode, type.ErrorCode }, Is.All.EqualTo("InvalidParameterValue"));
        Assert.That(missing.ErrorCode, Is.EqualTo("MissingParameter"));
    }
}
