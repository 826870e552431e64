using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>
/// RegisterImage's <c>ImageLocation</c> names an OS image: <c>&lt;os&gt;+&lt;variant&gt;</c>, optionally followed by
/// <c>:name=value,name=value</c> OS parameters, e.g. <c>snf-image+default:img_id=debian-12,img_format=diskdump</c>.
/// </summary>
public static class ImageLocations
{
    public static (string OsType, IReadOnlyDictionary<string, string> Parameters) Parse(string location)
    {
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        var os = colon < 0 ? location : location[..colon];
        if (os.Split('+') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw Invalid(location, "Name the OS as <os>+<variant>.");
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            foreach (var pair in location[(colon + 1)..].Split(','))
            {
                if (pair.Split('=', 2) is not [{ Length: > 0 } name, var value] || !parameters.TryAdd(name, value))
                {
                    throw Invalid(location, "OS parameters are name=value pairs separated by commas, each name once.");
                }
            }
        }
        return (os, parameters);
    }

    private static Ec2Exception Invalid(string location, string reason) =>
        Ec2Errors.InvalidParameterValue("ImageLocation", location, reason);
}
