using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Secrets;

/// <summary>
/// AES-256-GCM with the key from <c>Cyclades:Secrets:Key</c> (base64, 32 bytes) or, when that is not
/// set, a key generated once into <c>{Cyclades:DataDirectory}/secret.key</c> (mode 0600).
/// Protected values look like <c>v1:&lt;base64 nonce|tag|ciphertext&gt;</c>.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    public const string KeySetting = "Cyclades:Secrets:Key";
    private const string Version = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public AesGcmSecretProtector(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The secret key must be 32 bytes.", nameof(key));
        }
        _key = key;
    }

    public static AesGcmSecretProtector FromConfiguration(IConfiguration configuration, IOptions<CycladesOptions> cyclades)
    {
        var configured = configuration[KeySetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{KeySetting} must be base64.");
            }
            return key.Length == 32
                ? new AesGcmSecretProtector(key)
                : throw new InvalidOperationException($"{KeySetting} must be 32 bytes (base64), got {key.Length}.");
        }
        return new AesGcmSecretProtector(LoadOrCreateKeyFile(Path.Combine(cyclades.Value.DataDirectory, "secret.key")));
    }

    public string Protect(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Version + Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedValue)
    {
        if (!protectedValue.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Not a protected value.");
        }
        var input = Convert.FromBase64String(protectedValue[Version.Length..]);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Protected value is truncated.");
        }
        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    private static byte[] LoadOrCreateKeyFile(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var created = new FileStream(full, options);
            var key = RandomNumberGenerator.GetBytes(32);
            created.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(full))
        {
            // Another process created it first.
            for (var attempt = 0; ; attempt++)
            {
                var key = File.ReadAllBytes(full);
                if (key.Length == 32 || attempt == 50)
                {
                    return key.Length == 32 ? key : throw new InvalidOperationException($"{full} must hold exactly 32 bytes.");
                }
                Thread.Sleep(20);
            }
        }
    }
}
