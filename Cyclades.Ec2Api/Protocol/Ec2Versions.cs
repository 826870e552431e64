using System.Globalization;

namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// The EC2 API versions accepted in <c>Version</c>: every dated version from the first (2006-06-26)
/// to the current one (2016-11-15). Responses echo the request's version in their namespace.
/// </summary>
public static class Ec2Versions
{
    public const string Current = "2016-11-15";
    private static readonly DateOnly First = new(2006, 6, 26);
    private static readonly DateOnly Last = DateOnly.ParseExact(Current, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool IsAccepted(string version) =>
        DateOnly.TryParseExact(version, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date >= First && date <= Last;

    public static string Namespace(string version) => $"http://ec2.amazonaws.com/doc/{version}/";
}
