namespace Cyclades.Logic.Errors;

/// <summary>An address block a network or subnet cannot have.</summary>
/// <param name="ConflictsWith">For <see cref="NetworkRangeProblem.Overlaps"/>: the subnet's block it overlaps.</param>
public sealed class InvalidNetworkRangeException(NetworkResource resource, string cidr, NetworkRangeProblem problem, string? conflictsWith = null)
    : DomainException(problem switch
    {
        NetworkRangeProblem.NotABlock => $"'{cidr}' is not an IPv4 block in CIDR form with its host bits clear.",
        NetworkRangeProblem.Size => $"The {resource.ToString().ToLowerInvariant()} block {cidr} must be between /{NetworkRanges.LargestPrefix} and /{NetworkRanges.SmallestPrefix}.",
        NetworkRangeProblem.OutsideNetwork => $"The subnet block {cidr} is not inside its network's block.",
        _ => $"The subnet block {cidr} overlaps the network's subnet {conflictsWith}.",
    })
{
    public NetworkResource Resource { get; } = resource;

    public string Cidr { get; } = cidr;

    public NetworkRangeProblem Problem { get; } = problem;

    public string? ConflictsWith { get; } = conflictsWith;
}

public enum NetworkRangeProblem
{
    NotABlock,
    Size,
    OutsideNetwork,
    Overlaps,
}

/// <summary>The sizes a private network or subnet may have (AWS's: /16 to /28).</summary>
public static class NetworkRanges
{
    public const int LargestPrefix = 16;
    public const int SmallestPrefix = 28;
}
