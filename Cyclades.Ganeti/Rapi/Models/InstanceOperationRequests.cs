using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>Body of <c>PUT /2/instances/&lt;name&gt;/shutdown</c>.</summary>
/// <param name="TimeoutSeconds">How long to wait for a clean shutdown before forcing it; null = 120 s.</param>
public sealed record InstanceShutdownRequest([property: JsonPropertyName("timeout")] int? TimeoutSeconds);

/// <summary>Body of <c>POST /2/instances/&lt;name&gt;/reboot</c> (the type goes in the query).</summary>
/// <param name="ShutdownTimeoutSeconds">Wait for a clean shutdown; 0 = at once; null = 120 s.</param>
public sealed record InstanceRebootRequest([property: JsonPropertyName("shutdown_timeout")] int? ShutdownTimeoutSeconds);

/// <summary>Body of <c>PUT /2/instances/&lt;name&gt;/modify</c>.</summary>
public sealed record InstanceModifyRequest
{
    [JsonPropertyName("beparams")]
    public GanetiBeParams? BeParams { get; init; }

    /// <summary>Disk changes, applied in order (see <see cref="InstanceDiskChange"/>).</summary>
    [JsonPropertyName("disks")]
    public IReadOnlyList<InstanceDiskChange>? Disks { get; init; }

    /// <summary>NIC changes, applied in order (see <see cref="InstanceNicChange"/>).</summary>
    [JsonPropertyName("nics")]
    public IReadOnlyList<InstanceNicChange>? Nics { get; init; }

    /// <summary>
    /// Ganeti 3.0 only (3.1 removed it and answers HTTP 400): hotplug when the hypervisor can (KVM,
    /// running instance), else change the configuration only (effective at the next start).
    /// </summary>
    [JsonPropertyName("hotplug_if_possible")]
    public bool? HotplugIfPossible { get; init; }

    /// <summary>Jobs this one waits for, and the statuses they must end in (<see cref="JobDependencies"/>); else the job fails.</summary>
    [JsonPropertyName("depends")]
    public JsonElement? Depends { get; init; }
}

/// <summary>Body of <c>PUT /2/instances/&lt;name&gt;/export</c> for a local export (to a node of the same cluster).</summary>
/// <param name="Destination">The node that keeps the export.</param>
/// <param name="Shutdown">Stop a running instance for the copy (it is started again after); false copies live, which Ganeti refuses for disks it cannot snapshot.</param>
public sealed record InstanceExportRequest(
    [property: JsonPropertyName("destination")] string Destination,
    [property: JsonPropertyName("shutdown")] bool Shutdown)
{
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = "local";

    /// <summary>
    /// With <see cref="Shutdown"/>: keep the instance down for the whole copy. Without it Ganeti only copies disks it
    /// can snapshot while down briefly, and refuses the rest ("Not all disks could be snapshotted"), e.g. file disks.
    /// </summary>
    [JsonPropertyName("long_sleep")]
    public bool LongSleep => Shutdown;
}

public static class GanetiRebootTypes
{
    public const string Soft = "soft";
    public const string Hard = "hard";
    public const string Full = "full";
}
