using System.Globalization;

namespace Cyclades.Logic.Catalog;

/// <summary>
/// How configuration names an image: its number (<c>1</c>), or the hex form earlier versions stored,
/// <c>ami-</c> and 8 or 17 hex digits (<c>ami-00000001</c> is image 1). Settings written for those
/// versions keep naming the same images; the database was converted once (migration 202612070100).
/// </summary>
public static class ImageNumbers
{
    private const string LegacyPrefix = "ami-";

    /// <summary>False unless <paramref name="text"/> is a positive decimal number or the legacy hex form of one.</summary>
    public static bool TryParse(string? text, out long id)
    {
        id = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (text.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            var hex = text.AsSpan(LegacyPrefix.Length);
            return hex.Length is 8 or 17 && !hex.ContainsAnyExcept("0123456789abcdef")
                && long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id) && id > 0;
        }
        return text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
