using System.Security.Cryptography;
using System.Text;

namespace Cyclades.Logic.Secrets;

/// <summary>
/// Encrypts secrets kept at rest (access key secrets, cluster passwords) with AES-256-GCM. A stored
/// value is <c>version(1) | nonce(12) | tag(16) | ciphertext</c>. The value's purpose (e.g.
/// <c>access-key/AKIA…</c>) is bound in as associated data, so a ciphertext copied onto another row
/// does not decrypt.
/// </summary>
public sealed class SecretProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private readonly byte[] _key;

    public SecretProtector(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The secrets key must be 32 bytes.", nameof(key));
        }
        _key = key.ToArray();
    }

    public byte[] Protect(string purpose, string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), AssociatedData(purpose));
        return output;
    }

    /// <exception cref="CryptographicException">The value was not made with this key for this purpose.</exception>
    public string Unprotect(string purpose, byte[] stored)
    {
        if (stored.Length < HeaderSize || stored[0] != Version)
        {
            throw new CryptographicException($"The stored secret for {purpose} has an unknown format.");
        }
        var plaintext = new byte[stored.Length - HeaderSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(stored.AsSpan(1, NonceSize), stored.AsSpan(HeaderSize), stored.AsSpan(1 + NonceSize, TagSize), plaintext, AssociatedData(purpose));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>
    /// A key for another use of the same secret (e.g. signing pagination tokens), derived with HKDF
    /// so that it reveals nothing about the secrets key and differs per <paramref name="purpose"/>.
    /// </summary>
    public byte[] DeriveKey(string purpose, int length = 32) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, length, info: AssociatedData(purpose));

    private static byte[] AssociatedData(string purpose) => Encoding.UTF8.GetBytes("cyclades/" + purpose);
}
