using System.Security.Cryptography;
using Cyclades.Logic.Errors;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Cyclades.Logic.KeyPairs;

/// <summary>A generated key: the OpenSSH public key blob, the private key in the format asked for, and its fingerprint.</summary>
internal sealed record GeneratedKey(KeyType Type, byte[] PublicBlob, string PrivateKey, string Fingerprint);

/// <summary>A parsed public key: its type, the OpenSSH key blob, and its fingerprint.</summary>
internal sealed record ParsedPublicKey(KeyType Type, byte[] PublicBlob, string Fingerprint);

/// <summary>SSH key generation, public keys, and the fingerprints EC2 shows for them.</summary>
internal static class SshKeys
{
    public const int RsaBits = 2048;
    private const int MinRsaBits = 1024;
    private const int MaxRsaBits = 16384;

    /// <param name="comment">For the PuTTY format, which carries one.</param>
    public static GeneratedKey Generate(KeyType type, PrivateKeyFormat format, string comment) => type switch
    {
        KeyType.Rsa => GenerateRsa(format, comment),
        KeyType.Ed25519 => GenerateEd25519(format, comment),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Reads a public key in any format <see cref="PublicKeyFormats"/> knows.</summary>
    /// <exception cref="InvalidPublicKeyException">Not an RSA (1024 to 16384 bits) or Ed25519 public key.</exception>
    public static ParsedPublicKey Parse(byte[] material) => PublicKeyFormats.Read(material) switch
    {
        RsaKeyParameters rsa when rsa.Modulus.BitLength is >= MinRsaBits and <= MaxRsaBits =>
            new ParsedPublicKey(KeyType.Rsa, OpenSshPublicKeyUtilities.EncodePublicKey(rsa), Md5Hex(SubjectPublicKeyInfo(rsa))),
        RsaKeyParameters => throw new InvalidPublicKeyException($"RSA keys must have {MinRsaBits} to {MaxRsaBits} bits"),
        var key => new ParsedPublicKey(KeyType.Ed25519, OpenSshPublicKeyUtilities.EncodePublicKey(key), Sha256Base64(OpenSshPublicKeyUtilities.EncodePublicKey(key))),
    };

    /// <summary>The OpenSSH line servers receive: <c>type base64 comment</c>.</summary>
    public static string OpenSshLine(KeyType type, byte[] blob, string comment) =>
        $"{WireName(type)} {Convert.ToBase64String(blob)} {comment}".TrimEnd();

    public static string WireName(AsymmetricKeyParameter key) => WireName(key is RsaKeyParameters ? KeyType.Rsa : KeyType.Ed25519);

    private static GeneratedKey GenerateRsa(PrivateKeyFormat format, string comment)
    {
        using var rsa = RSA.Create(RsaBits);
        var p = rsa.ExportParameters(includePrivateParameters: true);
        var blob = OpenSshPublicKeyUtilities.EncodePublicKey(new RsaKeyParameters(false, new BigInteger(1, p.Modulus), new BigInteger(1, p.Exponent)));
        var privateKey = format == PrivateKeyFormat.Ppk
            ? PuttyKeyFile.Write(WireName(KeyType.Rsa), comment, blob, new SshWriter().MPInt(p.D!).MPInt(p.P!).MPInt(p.Q!).MPInt(p.InverseQ!).ToArray())
            : rsa.ExportRSAPrivateKeyPem();
        return new GeneratedKey(KeyType.Rsa, blob, privateKey, ColonHex(SHA1.HashData(rsa.ExportPkcs8PrivateKey())));
    }

    private static GeneratedKey GenerateEd25519(PrivateKeyFormat format, string comment)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var blob = OpenSshPublicKeyUtilities.EncodePublicKey(pair.Public);
        var seed = ((Ed25519PrivateKeyParameters)pair.Private).GetEncoded();
        var privateKey = format == PrivateKeyFormat.Ppk
            ? PuttyKeyFile.Write(WireName(KeyType.Ed25519), comment, blob, new SshWriter().String(seed).ToArray())
            : OpenSshKeyFile.WriteEd25519(seed, ((Ed25519PublicKeyParameters)pair.Public).GetEncoded(), comment);
        return new GeneratedKey(KeyType.Ed25519, blob, privateKey, Sha256Base64(blob));
    }

    private static byte[] SubjectPublicKeyInfo(RsaKeyParameters key)
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = key.Modulus.ToByteArrayUnsigned(), Exponent = key.Exponent.ToByteArrayUnsigned() });
        return rsa.ExportSubjectPublicKeyInfo();
    }

    private static string WireName(KeyType type) => type == KeyType.Rsa ? "ssh-rsa" : "ssh-ed25519";

    // MD5 and SHA-1 here are fingerprints clients compare against, not security.
#pragma warning disable CA5350, CA5351
    private static string Md5Hex(byte[] data) => ColonHex(MD5.HashData(data));
#pragma warning restore CA5350, CA5351

    private static string Sha256Base64(byte[] data) => Convert.ToBase64String(SHA256.HashData(data));

    private static string ColonHex(byte[] digest) => string.Join(':', digest.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
