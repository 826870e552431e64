using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// ImportKeyPair in every format AWS takes and CreateKeyPair in both key types and formats, with the
/// fingerprints checked against what ssh-keygen, openssl and puttygen compute.
/// </summary>
public sealed class KeyPairFormatsContractTests : ComputeFixture
{
    private KeyToolbox _tools = null!;

    [SetUp]
    public void MakeToolbox() => _tools = new KeyToolbox();

    [TearDown]
    public void RemoveToolbox() => _tools.Dispose();

    private static string Name() => "kf-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Shell commands writing the key in one format to <c>material</c>, from an OpenSSH key pair <c>k</c>/<c>k.pub</c>.</summary>
    private static readonly Dictionary<string, string> Formats = new()
    {
        ["openssh with comment"] = "cp k.pub material",
        ["openssh without comment"] = "cut -d' ' -f1,2 k.pub > material",
        ["rfc4716"] = "ssh-keygen -e -f k.pub > material",
        ["pem pkcs1"] = "ssh-keygen -e -m PEM -f k.pub > material",
        ["pem subjectpublickeyinfo"] = "ssh-keygen -e -m PKCS8 -f k.pub > material",
        ["der subjectpublickeyinfo"] = "ssh-keygen -e -m PKCS8 -f k.pub | openssl pkey -pubin -outform DER > material",
        ["base64 of openssh"] = "base64 -w0 k.pub > material",
        ["base64 of rfc4716"] = "ssh-keygen -e -f k.pub | base64 -w0 > material",
        ["base64 of der"] = "ssh-keygen -e -m PKCS8 -f k.pub | openssl pkey -pubin -outform DER | base64 -w0 > material",
    };

    private static IEnumerable<TestCaseData> Imports()
    {
        foreach (var format in Formats.Keys)
        {
            yield return new TestCaseData("rsa", format).SetName($"Import rsa as {format}");
        }
        foreach (var format in new[] { "openssh with comment", "openssh without comment", "rfc4716", "base64 of openssh", "base64 of rfc4716" })
        {
            yield return new TestCaseData("ed25519", format).SetName($"Import ed25519 as {format}");
        }
    }

    [TestCaseSource(nameof(Imports))]
    public async Task Imported_keys_in_every_format_get_awss_fingerprint_and_the_same_public_key(string type, string format)
    {
        await _tools.ShAsync($"ssh-keygen -q -t {type} -N '' -C 'me@example' -f k && {Formats[format]}");
        var expected = type == "rsa" ? await _tools.RsaImportFingerprintAsync("k.pub") : await _tools.Ed25519FingerprintAsync("k.pub");
        var name = Name();

        var imported = await Alice.ImportKeyPairAsync(new ImportKeyPairRequest
        {
            KeyName = name,
            PublicKeyMaterial = Convert.ToBase64String(await _tools.ReadAsync("material")),
        });
        var described = (await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [name], IncludePublicKey = true })).KeyPairs.Single();

        Assert.That(imported.KeyFingerprint, Is.EqualTo(expected));
        Assert.That((described.KeyType.Value, described.KeyFingerprint), Is.EqualTo((type, expected)));
        Assert.That(KeyToolbox.Blob(described.PublicKey), Is.EqualTo(KeyToolbox.Blob(await _tools.ShAsync("cat k.pub"))));
    }

    [Test]
    public async Task An_ed25519_subject_public_key_info_from_openssl_is_imported_with_its_sha256_fingerprint()
    {
        // The SHA-256 of the SSH blob (string "ssh-ed25519", string key), built by hand from openssl's raw key.
        var expected = await _tools.ShAsync(
            "openssl genpkey -algorithm ed25519 -out e.pem && openssl pkey -in e.pem -pubout -out material && " +
            "{ printf '\\000\\000\\000\\013ssh-ed25519\\000\\000\\000\\040'; openssl pkey -pubin -in material -outform DER | tail -c 32; } " +
            "| openssl dgst -sha256 -binary | openssl base64 -A");

        var imported = await Alice.ImportKeyPairAsync(new ImportKeyPairRequest
        {
            KeyName = Name(),
            PublicKeyMaterial = Convert.ToBase64String(await _tools.ReadAsync("material")),
        });

        Assert.That(imported.KeyFingerprint, Is.EqualTo(expected));
    }

    [TestCase("rsa")]
    [TestCase("ed25519")]
    public async Task Boto3_imports_an_rfc4716_key_and_tags_it(string type)
    {
        await _tools.ShAsync($"ssh-keygen -q -t {type} -N '' -C 'me@example' -f k && ssh-keygen -e -f k.pub > material");
        var expected = type == "rsa" ? await _tools.RsaImportFingerprintAsync("k.pub") : await _tools.Ed25519FingerprintAsync("k.pub");
        var name = Name();

        var imported = await Host.Boto3Async(TestUser.Alice, "import_key_pair", new
        {
            KeyName = name,
            PublicKeyMaterial = await _tools.ShAsync("cat material"),
            TagSpecifications = new[] { new { ResourceType = "key-pair", Tags = new[] { new { Key = "team", Value = "ops" } } } },
        });
        var keyPairId = imported.GetProperty("KeyPairId").GetString()!;
        var tags = await Host.Boto3Async(TestUser.Alice, "describe_tags", new { Filters = new[] { new { Name = "resource-id", Values = new[] { keyPairId } } } });

        Assert.That(imported.GetProperty("KeyFingerprint").GetString(), Is.EqualTo(expected));
        var tag = tags.GetProperty("Tags").EnumerateArray().Single();
        Assert.That((tag.GetProperty("ResourceType").GetString(), tag.GetProperty("Key").GetString(), tag.GetProperty("Value").GetString()),
            Is.EqualTo(("key-pair", "team", "ops")));
    }

    [TestCase("rsa")]
    [TestCase("ed25519")]
    public async Task A_created_ppk_key_is_a_putty_file_puttygen_reads_with_the_public_key_and_fingerprint_ec2_shows(string type)
    {
        var name = Name();

        var created = (await Alice.CreateKeyPairAsync(new CreateKeyPairRequest
        {
            KeyName = name, KeyType = type, KeyFormat = KeyFormat.Ppk,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.KeyPair, Tags = [new Tag("env", "test")] }],
        })).KeyPair;
        await _tools.WriteAsync("k.ppk", created.KeyMaterial);
        var publicKey = await _tools.ShAsync("puttygen k.ppk -O public-openssh -o k.pub && cat k.pub");
        await _tools.ShAsync("puttygen k.ppk -O private-openssh -o k.pem");
        var expected = type == "rsa" ? await _tools.RsaCreateFingerprintAsync("k.pem") : await _tools.Ed25519FingerprintAsync("k.pub");
        var described = (await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [name], IncludePublicKey = true })).KeyPairs.Single();

        Assert.That(created.KeyMaterial, Does.StartWith($"PuTTY-User-Key-File-2: ssh-{type}\n"));
        Assert.That(created.KeyFingerprint, Is.EqualTo(expected));
        Assert.That(KeyToolbox.Blob(described.PublicKey), Is.EqualTo(KeyToolbox.Blob(publicKey)));
        Assert.That(described.Tags.Single(), Has.Property("Key").EqualTo("env").And.Property("Value").EqualTo("test"));
    }

    [TestCase("rsa")]
    [TestCase("ed25519")]
    public async Task A_created_pem_key_is_read_by_ssh_keygen_with_the_public_key_and_fingerprint_ec2_shows(string type)
    {
        var name = Name();

        var created = (await Alice.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = name, KeyType = type })).KeyPair;
        await _tools.WriteAsync("k.pem", created.KeyMaterial);
        var publicKey = await _tools.ShAsync("chmod 600 k.pem && ssh-keygen -y -f k.pem > k.pub && cat k.pub");
        var expected = type == "rsa" ? await _tools.RsaCreateFingerprintAsync("k.pem") : await _tools.Ed25519FingerprintAsync("k.pub");
        var described = (await Alice.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [name], IncludePublicKey = true })).KeyPairs.Single();

        Assert.That(created.KeyFingerprint, Is.EqualTo(expected));
        Assert.That(KeyToolbox.Blob(described.PublicKey), Is.EqualTo(KeyToolbox.Blob(publicKey)));
    }

    [Test]
    public async Task Boto3_creates_a_ppk_key_and_refuses_an_unknown_format()
    {
        var created = await Host.Boto3Async(TestUser.Alice, "create_key_pair", new { KeyName = Name(), KeyType = "ed25519", KeyFormat = "ppk" });
        var refused = await Host.Boto3ErrorAsync(TestUser.Alice, "create_key_pair", new { KeyName = Name(), KeyFormat = "jks" });

        await _tools.WriteAsync("k.ppk", created.GetProperty("KeyMaterial").GetString()!);
        await _tools.ShAsync("puttygen k.ppk -O public-openssh -o k.pub");
        Assert.That(created.GetProperty("KeyFingerprint").GetString(), Is.EqualTo(await _tools.Ed25519FingerprintAsync("k.pub")));
        Assert.That((refused.Code, refused.Status), Is.EqualTo(("InvalidParameterValue", 400)), refused.Message);
    }

    [TestCase("ssh-rsa")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    [TestCase("---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"x\"\nAAAA\n---- END SSH2 PUBLIC KEY ----")]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")]
    public async Task Malformed_keys_in_any_format_are_invalid_key_pair_format(string material)
    {
        var error = await FailsAsync(() => Alice.ImportKeyPairAsync(new ImportKeyPairRequest
        {
            KeyName = Name(), PublicKeyMaterial = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(material)),
        }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("InvalidKeyPair.Format", HttpStatusCode.BadRequest)));
    }
}
