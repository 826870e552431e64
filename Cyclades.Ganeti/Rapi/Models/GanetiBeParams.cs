using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>Backend parameters (<c>beparams</c>): what an instance gets from the hypervisor.</summary>
public sealed record GanetiBeParams
{
    [JsonPropertyName("vcpus")]
    public int? VCpus { get; init; }

    [JsonPropertyName("maxmem")]
    public int? MaxMemoryMiB { get; init; }

    [JsonPropertyName("minmem")]
    public int? MinMemoryMiB { get; init; }

    /// <summary>The pre-2.6 name of max/min memory, still reported (and accepted) by Ganeti.</summary>
    [JsonPropertyName("memory")]
    public int? MemoryMiB { get; init; }

    [JsonPropertyName("auto_balance")]
    public bool? AutoBalance { get; init; }

    /// <summary>The memory the instance may use: <c>maxmem</c>, or the old <c>memory</c>.</summary>
    [JsonIgnore]
    public int? EffectiveMaxMemoryMiB => MaxMemoryMiB ?? MemoryMiB;
}
