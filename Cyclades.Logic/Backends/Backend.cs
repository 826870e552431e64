using Cyclades.Logic.Configuration;

namespace Cyclades.Logic.Backends;

/// <summary>One cluster servers can be placed on.</summary>
/// <param name="Drained">Keeps its servers but takes no new ones.</param>
/// <param name="NetworkCidr">Where servers' private IPv4 addresses come from, e.g. <c>10.0.0.0/16</c>.</param>
/// <param name="ClusterId">The cluster's identity as last seen (changes when the cluster is rebuilt).</param>
public sealed record Backend(
    long Id,
    string Name,
    bool Enabled,
    bool Drained,
    bool Simulated,
    string Url,
    string NetworkCidr,
    string? ClusterId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Configured backends follow configuration at start-up; ones an operator added are left alone.</summary>
    public DefinitionOrigin Origin { get; init; } = DefinitionOrigin.Config;
}
