using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Cyclades.Logic.Accounts;

/// <summary>What user names, access key ids and secrets may look like, and how new ones are made.</summary>
public static partial class AccountNames
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>IAM's rule for user names: 1–64 of letters, digits and <c>+=,.@_-</c>.</summary>
    public static bool IsValidUserName(string? name) => name is not null && UserNamePattern().IsMatch(name);

    /// <summary>AWS access key ids are 16–128 word characters; shorter ones (AKIDEXAMPLE) are accepted for tests and scripts.</summary>
    public static bool IsValidAccessKeyId(string? id) => id is not null && AccessKeyIdPattern().IsMatch(id);

    /// <summary>Printable ASCII without spaces, 6–128 characters (AWS secrets are 40).</summary>
    public static bool IsValidSecretAccessKey(string? secret) =>
        secret is not null && secret.Length is >= 6 and <= 128 && secret.All(c => c is > ' ' and < '\u007f');

    public static void EnsureValidUserName(string? name)
    {
        if (!IsValidUserName(name))
        {
            throw new AccountException(AccountError.InvalidUserName,
                $"The user name '{name}' is invalid: use 1 to 64 letters, digits or the characters +=,.@_-.");
        }
    }

    /// <summary>A new key id in AWS's form: <c>AKIA</c> and 16 base32 characters.</summary>
    public static string NewAccessKeyId()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        var chars = new char[20];
        "AKIA".CopyTo(chars);
        for (var i = 0; i < 16; i++)
        {
            chars[4 + i] = Base32Alphabet[random[i] & 31];
        }
        return new string(chars);
    }

    /// <summary>A new secret: 40 characters of base64 from 30 random bytes, like AWS's.</summary>
    public static string NewSecretAccessKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));

    [GeneratedRegex("^[A-Za-z0-9+=,.@_-]{1,64}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[A-Za-z0-9]{4,128}$")]
    private static partial Regex AccessKeyIdPattern();
}
