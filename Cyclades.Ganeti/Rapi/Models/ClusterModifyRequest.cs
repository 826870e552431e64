using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>Body of <c>PUT /2/modify</c>: cluster parameters to change, as Ganeti names them.</summary>
public sealed record ClusterModifyRequest
{
    /// <summary>e.g. <c>{"no-capacity-checks": null}</c> (only the RAPI can store that null).</summary>
    [JsonPropertyName("default_iallocator_params")]
    public IReadOnlyDictionary<string, JsonElement?>? DefaultIAllocatorParameters { get; init; }

    [JsonPropertyName("max_running_jobs")]
    public int? MaxRunningJobs { get; init; }
}
