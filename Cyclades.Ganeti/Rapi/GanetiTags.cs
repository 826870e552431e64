using System.Text;
using System.Text.RegularExpressions;

namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// Ganeti tags: 1–128 characters from <c>[\w.+*/:@-]</c>. One bad tag (say <c>ec2:ami=ami-42</c>)
/// fails a whole create job with <c>TagError</c>, so tags are checked before they are sent.
/// </summary>
public static partial class GanetiTags
{
    public const int MaxLength = 128;

    public static bool IsValid(string tag) => tag.Length is > 0 and <= MaxLength && AllowedCharacters().IsMatch(tag);

    /// <summary>
    /// A valid tag as close to <paramref name="tag"/> as possible: <c>=</c> becomes <c>:</c> (so
    /// <c>key=value</c> reads <c>key:value</c>), any other disallowed character <c>_</c>; cut at 128.
    /// </summary>
    public static string Sanitize(string tag)
    {
        var builder = new StringBuilder(Math.Min(tag.Length, MaxLength));
        foreach (var character in tag.AsSpan(0, Math.Min(tag.Length, MaxLength)))
        {
            builder.Append(character == '=' ? ':' : AllowedCharacters().IsMatch(character.ToString()) ? character : '_');
        }
        return builder.Length == 0 ? "_" : builder.ToString();
    }

    [GeneratedRegex(@"^[\w.+*/:@-]+$")]
    private static partial Regex AllowedCharacters();
}
