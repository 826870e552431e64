using System.Globalization;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>
/// EC2 ids made of a prefix and the hex of a logic-core id: <c>i-</c> + 17 lower-case hex digits
/// (<c>i-0000000000000002a</c> is server 42). The old 8-digit form is read too.
/// </summary>
public static class Ec2Id
{
    public static string Format(string prefix, long id) => prefix + id.ToString("x17", CultureInfo.InvariantCulture);

    /// <summary>
    /// False unless <paramref name="text"/> is the prefix followed by 8 or 17 lower-case hex digits. A
    /// well-formed id too large for any resource reads as -1, which nothing has.
    /// </summary>
    public static bool TryParse(string prefix, string text, out long id)
    {
        id = -1;
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var hex = text.AsSpan(prefix.Length);
        if (hex.Length is not (8 or 17) || hex.ContainsAnyExcept("0123456789abcdef"))
        {
            return false;
        }
        if (ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value <= long.MaxValue)
        {
            id = (long)value;
        }
        return true;
    }
}
