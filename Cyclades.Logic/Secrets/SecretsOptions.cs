namespace Cyclades.Logic.Secrets;

/// <summary>Bound from <c>Cyclades:Secrets</c>.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Cyclades:Secrets";
    public const string KeySetting = Section + ":Key";

    /// <summary>
    /// Base64 of 32 random bytes (<c>openssl rand -base64 32</c>): the AES-256 key that encrypts
    /// secrets at rest. Required with MySql; with SQLite, when unset, one is generated into
    /// <c>{Cyclades:DataDirectory}/secrets.key</c>.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The decoded key, or null when <see cref="Key"/> is unset or not base64 of 32 bytes.</summary>
    public byte[]? TryDecodeKey()
    {
        if (string.IsNullOrWhiteSpace(Key))
        {
            return null;
        }
        var buffer = new byte[64];
        return Convert.TryFromBase64String(Key.Trim(), buffer, out var length) && length == 32 ? buffer[..32] : null;
    }
}
