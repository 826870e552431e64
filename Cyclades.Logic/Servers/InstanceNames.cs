using System.Globalization;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Servers;

/// <summary>Server id ↔ the cluster's instance name, <c>&lt;prefix&gt;-&lt;id&gt;</c>.</summary>
public sealed class InstanceNames(IOptions<ServerOptions> options)
{
    private readonly string _prefix = options.Value.InstanceNamePrefix + "-";

    public string For(long serverId) => _prefix + serverId.ToString(CultureInfo.InvariantCulture);

    /// <summary>False for names that are not ours (another prefix, or not a number after it).</summary>
    public bool TryParse(string instanceName, out long serverId)
    {
        serverId = 0;
        if (!instanceName.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var digits = instanceName.AsSpan(_prefix.Length);
        return digits.Length is > 0 and <= 18
            && digits[0] != '0'
            && !digits.ContainsAnyExcept("0123456789")
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out serverId);
    }
}
