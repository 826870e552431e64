using System.Security.Cryptography;
using Cyclades.Logic.Errors;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Cyclades.Logic.KeyPairs;

/// <summary>A generated key: the OpenSSH public key blob, the private key as PEM, and its fingerprint.</summary>
internal sealed record GeneratedKey(KeyType Type, byte[] PublicBlob, string PrivateKeyPem, string Fingerprint);

/// <summary>A parsed OpenSSH public key: its type, the key blob, and its fingerprint.</summary>
internal sealed record ParsedPublicKey(KeyType Type, byte[] PublicBlob, string Fingerprint);

/// <summary>SSH key generation, OpenSSH public key lines, and the fingerprints EC2 shows for them.</summary>
internal static class SshKeys
{
    public const int RsaBits = 2048;
    private const int MinRsaBits = 1024;
    private const int MaxRsaBits = 16384;

    public static GeneratedKey Generate(KeyType type) => type switch
    {
        KeyType.Rsa => GenerateRsa(),
        KeyType.Ed25519 => GenerateEd25519(),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Reads <c>ssh-rsa|ssh-ed25519 BASE64 [comment]</c>.</summary>
    /// <exception cref="InvalidPublicKeyException">Anything else.</exception>
    public static ParsedPublicKey ParseOpenSsh(string line)
    {
        var fields = line.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2 || TypeOf(fields[0]) is not { } type)
        {
            throw new InvalidPublicKeyException("expected 'ssh-rsa' or 'ssh-ed25519' followed by the base64 key");
        }
        byte[] blob;
        AsymmetricKeyParameter key;
        try
        {
            blob = Convert.FromBase64String(fields[1]);
            key = OpenSshPublicKeyUtilities.ParsePublicKey(blob);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IOException or IndexOutOfRangeException)
        {
            throw new InvalidPublicKeyException("the key data does not decode");
        }
        return (type, key) switch
        {
            (KeyType.Rsa, RsaKeyParameters rsa) when rsa.Modulus.BitLength is >= MinRsaBits and <= MaxRsaBits =>
                new ParsedPublicKey(type, blob, Md5Hex(SubjectPublicKeyInfo(rsa))),
            (KeyType.Rsa, RsaKeyParameters) => throw new InvalidPublicKeyException($"RSA keys must have {MinRsaBits} to {MaxRsaBits} bits"),
            (KeyType.Ed25519, Ed25519PublicKeyParameters) => new ParsedPublicKey(type, blob, Sha256Base64(blob)),
            _ => throw new InvalidPublicKeyException($"the key data is not an {fields[0]} key"),
        };
    }

    /// <summary>The OpenSSH line servers receive: <c>type base64 comment</c>.</summary>
    public static string OpenSshLine(KeyType type, byte[] blob, string comment) =>
        $"{WireName(type)} {Convert.ToBase64String(blob)} {comment}".TrimEnd();

    private static GeneratedKey GenerateRsa()
    {
        using var rsa = RSA.Create(RsaBits);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var blob = OpenSshPublicKeyUtilities.EncodePublicKey(
            new RsaKeyParameters(false, new BigInteger(1, parameters.Modulus), new BigInteger(1, parameters.Exponent)));
        return new GeneratedKey(KeyType.Rsa, blob, rsa.ExportRSAPrivateKeyPem(), ColonHex(SHA1.HashData(rsa.ExportPkcs8PrivateKey())));
    }

    private static GeneratedKey GenerateEd25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var blob = OpenSshPublicKeyUtilities.EncodePublicKey(pair.Public);
        var pem = PemEncoding.WriteString("OPENSSH PRIVATE KEY", OpenSshPrivateKeyUtilities.EncodePrivateKey(pair.Private));
        return new GeneratedKey(KeyType.Ed25519, blob, pem, Sha256Base64(blob));
    }

    private static byte[] SubjectPublicKeyInfo(RsaKeyParameters key)
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = key.Modulus.ToByteArrayUnsigned(), Exponent = key.Exponent.ToByteArrayUnsigned() });
        return rsa.ExportSubjectPublicKeyInfo();
    }

    private static KeyType? TypeOf(string wireName) => wireName switch
    {
        "ssh-rsa" => KeyType.Rsa,
        "ssh-ed25519" => KeyType.Ed25519,
        _ => null,
    };

    private static string WireName(KeyType type) => type == KeyType.Rsa ? "ssh-rsa" : "ssh-ed25519";

    // MD5 and SHA-1 here are fingerprints clients compare against, not security.
#pragma warning disable CA5350, CA5351
    private static string Md5Hex(byte[] data) => ColonHex(MD5.HashData(data));
#pragma warning restore CA5350, CA5351

    private static string Sha256Base64(byte[] data) => Convert.ToBase64String(SHA256.HashData(data));

    private static string ColonHex(byte[] digest) => string.Join(':', digest.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
