using System.Text.RegularExpressions;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>
/// EC2's device names (HVM and paravirtual forms, with or without <c>/dev/</c>). The cluster only
/// appends disks, so a name is not a bus slot: it is kept exactly as given and reported back.
/// </summary>
public static partial class DeviceNames
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>The name a disk shows under when none was given: the root's, else <c>/dev/xvd</c> + its letter.</summary>
    public static string Default(int diskIndex, string rootDeviceName) =>
        diskIndex == 0 ? rootDeviceName : "/dev/xvd" + (char)('a' + Math.Min(diskIndex, 25));

    [GeneratedRegex("^(/dev/)?(sd[a-z]([1-9]|1[0-5])?|xvd([a-z]|[a-d][a-z])|hd[a-z]([1-9]|1[0-5])?)$")]
    private static partial Regex Pattern();
}
