using System.Globalization;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Servers;

/// <summary>
/// The cluster's instance names of the service: a server's, <c>&lt;prefix&gt;-&lt;id&gt;</c>, and a volume
/// keeper's (docs/storage.md), <c>&lt;prefix&gt;-keeper-&lt;keeper id&gt;</c> — which no server's name can be,
/// since a server's has only digits after the prefix.
/// </summary>
public sealed class InstanceNames(IOptions<ServerOptions> options)
{
    private readonly string _prefix = options.Value.InstanceNamePrefix + "-";
    private readonly string _keeperPrefix = options.Value.InstanceNamePrefix + "-keeper-";

    public string For(long serverId) => _prefix + serverId.ToString(CultureInfo.InvariantCulture);

    public string ForKeeper(long keeperId) => _keeperPrefix + keeperId.ToString(CultureInfo.InvariantCulture);

    /// <summary>False for names that are not a server's (another prefix, or not a number after it).</summary>
    public bool TryParse(string instanceName, out long serverId) => TryParse(instanceName, _prefix, out serverId);

    /// <summary>False for names that are not a volume keeper's.</summary>
    public bool TryParseKeeper(string instanceName, out long keeperId) => TryParse(instanceName, _keeperPrefix, out keeperId);

    /// <summary>A server's or a volume keeper's.</summary>
    public bool IsOurs(string instanceName) => TryParse(instanceName, out _) || TryParseKeeper(instanceName, out _);

    private static bool TryParse(string instanceName, string prefix, out long id)
    {
        id = 0;
        if (!instanceName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var digits = instanceName.AsSpan(prefix.Length);
        return digits.Length is > 0 and <= 18
            && digits[0] != '0'
            && !digits.ContainsAnyExcept("0123456789")
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}
