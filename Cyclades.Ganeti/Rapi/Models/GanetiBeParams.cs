using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// Backend parameters (<c>beparams</c>): what an instance gets from the hypervisor. A sparse set: only
/// the parameters given are sent (or, in an opcode's input, listed).
/// </summary>
public sealed record GanetiBeParams
{
    [JsonPropertyName("vcpus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? VCpus { get; init; }

    [JsonPropertyName("maxmem")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxMemoryMiB { get; init; }

    [JsonPropertyName("minmem")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinMemoryMiB { get; init; }

    /// <summary>The pre-2.6 name of max/min memory, still reported (and accepted) by Ganeti.</summary>
    [JsonPropertyName("memory")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MemoryMiB { get; init; }

    [JsonPropertyName("auto_balance")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AutoBalance { get; init; }

    /// <summary>The memory the instance may use: <c>maxmem</c>, or the old <c>memory</c>.</summary>
    [JsonIgnore]
    public int? EffectiveMaxMemoryMiB => MaxMemoryMiB ?? MemoryMiB;
}
