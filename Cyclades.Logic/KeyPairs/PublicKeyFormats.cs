using System.Text;
using Cyclades.Logic.Errors;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;

namespace Cyclades.Logic.KeyPairs;

/// <summary>
/// Reads a public key in every format EC2's ImportKeyPair takes: an OpenSSH line (<c>ssh-rsa|ssh-ed25519
/// BASE64 [comment]</c>), an RFC 4716 SSH2 public key, PEM PKCS#1 (<c>RSA PUBLIC KEY</c>) or
/// SubjectPublicKeyInfo (<c>PUBLIC KEY</c>), DER of those, and base64 of any of them.
/// </summary>
internal static class PublicKeyFormats
{
    private const string Rfc4716Begin = "---- BEGIN SSH2 PUBLIC KEY ----";
    private const string Rfc4716End = "---- END SSH2 PUBLIC KEY ----";

    /// <exception cref="InvalidPublicKeyException">None of these.</exception>
    public static AsymmetricKeyParameter Read(byte[] material) => Read(material, base64Layers: 1);

    private static AsymmetricKeyParameter Read(byte[] material, int base64Layers)
    {
        if (material is [0x30, ..])
        {
            return FromDer(material) ?? throw new InvalidPublicKeyException("the DER data is not an RSA or Ed25519 public key");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(material).Trim();
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidPublicKeyException("the key is neither text nor DER");
        }
        if (text.StartsWith("ssh-", StringComparison.Ordinal))
        {
            return FromOpenSshLine(text);
        }
        if (text.StartsWith(Rfc4716Begin, StringComparison.Ordinal))
        {
            return FromSshBlob(Base64(Rfc4716Body(text)));
        }
        if (text.StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            return FromPem(text);
        }
        if (base64Layers > 0 && TryBase64(text) is { } decoded)
        {
            return Read(decoded, base64Layers - 1);
        }
        throw new InvalidPublicKeyException("expected an OpenSSH, SSH2 (RFC 4716) or PEM public key");
    }

    private static AsymmetricKeyParameter FromOpenSshLine(string line)
    {
        var fields = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            throw new InvalidPublicKeyException("expected 'ssh-rsa' or 'ssh-ed25519' followed by the base64 key");
        }
        var key = FromSshBlob(Base64(fields[1]));
        return SshKeys.WireName(key) == fields[0] ? key : throw new InvalidPublicKeyException($"the key data is not an {fields[0]} key");
    }

    /// <summary>Header lines (<c>Tag: value</c>, continued by a trailing backslash) come before the base64 body.</summary>
    private static string Rfc4716Body(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var end = lines.FindIndex(l => l.Trim() == Rfc4716End);
        if (end < 0)
        {
            throw new InvalidPublicKeyException("the SSH2 public key has no end line");
        }
        var body = new StringBuilder();
        var continued = false;
        foreach (var line in lines.Skip(1).Take(end - 1))
        {
            var isHeader = continued || line.Contains(':', StringComparison.Ordinal);
            continued = isHeader && line.EndsWith('\\');
            if (!isHeader)
            {
                body.Append(line.Trim());
            }
        }
        return body.ToString();
    }

    private static AsymmetricKeyParameter FromPem(string text)
    {
        var fields = PemEncodingFields(text);
        var der = Base64(text[fields.Base64Data]);
        var key = text[fields.Label] switch
        {
            "PUBLIC KEY" => SubjectPublicKeyInfo(der),
            "RSA PUBLIC KEY" => Pkcs1(der),
            var label => throw new InvalidPublicKeyException($"a PEM '{label}' is not a public key"),
        };
        return key ?? throw new InvalidPublicKeyException("the PEM data is not an RSA or Ed25519 public key");
    }

    private static System.Security.Cryptography.PemFields PemEncodingFields(string text) =>
        System.Security.Cryptography.PemEncoding.TryFind(text, out var fields) ? fields : throw new InvalidPublicKeyException("the PEM data is malformed");

    private static AsymmetricKeyParameter? FromDer(byte[] der) => SubjectPublicKeyInfo(der) ?? Pkcs1(der);

    private static AsymmetricKeyParameter? SubjectPublicKeyInfo(byte[] der) =>
        Try(() => PublicKeyFactory.CreateKey(der));

    private static AsymmetricKeyParameter? Pkcs1(byte[] der) =>
        Try(() =>
        {
            var rsa = RsaPublicKeyStructure.GetInstance(Asn1Object.FromByteArray(der));
            return new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent);
        });

    private static AsymmetricKeyParameter FromSshBlob(byte[] blob) =>
        Try(() => OpenSshPublicKeyUtilities.ParsePublicKey(blob)) is { } key and (RsaKeyParameters or Ed25519PublicKeyParameters)
            ? key
            : throw new InvalidPublicKeyException("the key data is not an RSA or Ed25519 SSH public key");

    private static AsymmetricKeyParameter? Try(Func<AsymmetricKeyParameter> parse)
    {
        try
        {
            return parse() is var key and (RsaKeyParameters { IsPrivate: false } or Ed25519PublicKeyParameters) ? key : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or IndexOutOfRangeException
                                   or FormatException or SecurityUtilityException or Asn1Exception or InvalidCastException)
        {
            return null;
        }
    }

    private static byte[] Base64(string text) =>
        TryBase64(text) ?? throw new InvalidPublicKeyException("the key data does not decode");

    private static byte[]? TryBase64(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[compact.Length];
        return compact.Length > 0 && Convert.TryFromBase64String(compact, buffer, out var written) ? buffer[..written] : null;
    }
}
