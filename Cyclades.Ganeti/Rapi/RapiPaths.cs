namespace Cyclades.Ganeti.Rapi;

/// <summary>Every RAPI URL the client uses, built in one place.</summary>
internal static class RapiPaths
{
    public const string Version = "/version";
    public const string Info = "/2/info";
    public const string Features = "/2/features";
    public const string OperatingSystems = "/2/os";
    public const string ClusterModify = "/2/modify";

    public static string Instances(bool bulk) => bulk ? "/2/instances?bulk=1" : "/2/instances";

    public static string Instance(string name) => $"/2/instances/{Segment(name)}";

    public static string InstanceStartup(string name) => $"{Instance(name)}/startup";

    public static string InstanceShutdown(string name) => $"{Instance(name)}/shutdown";

    public static string InstanceReboot(string name, string type) => $"{Instance(name)}/reboot?type={Segment(type)}";

    public static string InstanceModify(string name) => $"{Instance(name)}/modify";

    public static string InstanceExport(string name) => $"{Instance(name)}/export";

    /// <summary>With no tags, the resource itself; else one <c>tag=</c> parameter per tag.</summary>
    public static string InstanceTags(string name, IReadOnlyList<string> tags) =>
        tags.Count == 0 ? $"{Instance(name)}/tags" : $"{Instance(name)}/tags?{string.Join('&', tags.Select(tag => $"tag={Segment(tag)}"))}";

    /// <summary>
    /// Where a node keeps an instance's local export: Ganeti's export directory (its build-time
    /// <c>pathutils.EXPORT_DIR</c>, <c>/var/lib/ganeti/export</c> in Debian's packages), one directory per instance name.
    /// </summary>
    public static string NodeExportDirectory(string instanceName) => $"/var/lib/ganeti/export/{instanceName}";

    public const string Networks = "/2/networks";

    public const string Groups = "/2/groups";

    public static string Network(string name) => $"{Networks}/{Segment(name)}";

    public static string NetworkConnect(string name) => $"{Network(name)}/connect";

    public static string NetworkDisconnect(string name) => $"{Network(name)}/disconnect";

    /// <summary>The index must be digits: Ganeti routes no disk names here.</summary>
    public static string InstanceDiskGrow(string name, int index) => $"{Instance(name)}/disk/{index}/grow";

    public static string Nodes(bool bulk) => bulk ? "/2/nodes?bulk=1" : "/2/nodes";

    public static string Jobs(bool bulk) => bulk ? "/2/jobs?bulk=1" : "/2/jobs";

    public static string Job(long id) => $"/2/jobs/{id}";

    public static string JobWait(long id) => $"/2/jobs/{id}/wait";

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
