using System.Text;
using System.Text.RegularExpressions;

namespace Cyclades.Ec2Api.Filtering;

/// <summary>
/// EC2 filter value patterns: <c>*</c> any run, <c>?</c> one character, <c>\</c> escapes; case-sensitive.
/// Matched without backtracking (time linear in the value), so no pattern needs a timeout: a match
/// timeout turned a starved machine's plain <c>instance-state-name</c> filter into a 500.
/// </summary>
public static class Wildcard
{
    public static Regex ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                builder.Append(c switch
                {
                    '*' => ".*",
                    '?' => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }
        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
    }
}
