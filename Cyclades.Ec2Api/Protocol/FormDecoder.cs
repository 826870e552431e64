using System.Text;
using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// Decodes <c>application/x-www-form-urlencoded</c> text (a POST body or a query string) into
/// name/value pairs in their original order: <c>+</c> is a space, <c>%XX</c> are UTF-8 bytes, a name
/// without <c>=</c> has an empty value. Invalid escapes or UTF-8 are refused rather than guessed.
/// </summary>
public static class FormDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<KeyValuePair<string, string>> Decode(string encoded)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var segment in encoded.Split('&'))
        {
            if (segment.Length == 0)
            {
                continue;
            }
            var equals = segment.IndexOf('=');
            var name = equals < 0 ? segment : segment[..equals];
            var value = equals < 0 ? "" : segment[(equals + 1)..];
            pairs.Add(new(Unescape(name), Unescape(value)));
        }
        return pairs;
    }

    public static string Unescape(string text)
    {
        if (text.IndexOfAny(['%', '+']) < 0)
        {
            return text;
        }
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    throw Ec2Errors.MalformedQueryString($"The request contains an invalid percent-encoding near '{Excerpt(text, i)}'.");
                }
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw Ec2Errors.MalformedQueryString($"The request contains percent-encoded bytes that are not UTF-8 near '{Excerpt(text, 0)}'.");
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static string Excerpt(string text, int at) => text.Substring(at, Math.Min(20, text.Length - at));
}
