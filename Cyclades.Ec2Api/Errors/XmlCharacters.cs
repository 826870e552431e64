using System.Text;
using System.Xml;

namespace Cyclades.Ec2Api.Errors;

/// <summary>
/// The characters XML 1.0 can carry: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and well-formed
/// surrogate pairs. Anything else can be neither stored (it would poison every later answer) nor echoed.
/// </summary>
public static class XmlCharacters
{
    /// <summary>The index of the first character XML cannot carry, or -1.</summary>
    public static int IndexOfInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /// <summary><paramref name="text"/> with each character XML cannot carry written as <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        var invalid = IndexOfInvalid(text);
        if (invalid < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, invalid);
        for (var i = invalid; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return escaped.ToString();
    }
}
