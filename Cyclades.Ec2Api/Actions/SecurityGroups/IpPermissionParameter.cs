using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>One <c>IpPermissions.N</c>: a protocol and port range, and the peers it allows (one rule per peer).</summary>
public sealed class IpPermissionParameter
{
    [Ec2Parameter("IpProtocol")]
    public string? IpProtocol { get; init; }

    [Ec2Parameter("FromPort")]
    public int? FromPort { get; init; }

    [Ec2Parameter("ToPort")]
    public int? ToPort { get; init; }

    [Ec2Parameter("IpRanges")]
    public IReadOnlyList<IpRangeParameter> IpRanges { get; init; } = [];

    [Ec2Parameter("Ipv6Ranges")]
    public IReadOnlyList<Ipv6RangeParameter> Ipv6Ranges { get; init; } = [];

    [Ec2Parameter("PrefixListIds")]
    public IReadOnlyList<PrefixListIdParameter> PrefixListIds { get; init; } = [];

    /// <summary>The model's <c>UserIdGroupPairs</c>, whose wire name is <c>Groups</c>.</summary>
    [Ec2Parameter("Groups")]
    public IReadOnlyList<GroupPairParameter> Groups { get; init; } = [];
}

public sealed class IpRangeParameter
{
    [Ec2Parameter("CidrIp")]
    public string? CidrIp { get; init; }

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }
}

public sealed class Ipv6RangeParameter
{
    [Ec2Parameter("CidrIpv6")]
    public string? CidrIpv6 { get; init; }

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }
}

public sealed class PrefixListIdParameter
{
    [Ec2Parameter("PrefixListId")]
    public string? PrefixListId { get; init; }

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }
}

/// <summary>A group as a peer: by id, or by name (default VPC), optionally with its owner's account id.</summary>
public sealed class GroupPairParameter
{
    [Ec2Parameter("GroupId")]
    public string? GroupId { get; init; }

    [Ec2Parameter("GroupName")]
    public string? GroupName { get; init; }

    [Ec2Parameter("UserId")]
    public string? UserId { get; init; }

    [Ec2Parameter("VpcId")]
    public string? VpcId { get; init; }

    [Ec2Parameter("VpcPeeringConnectionId")]
    public string? VpcPeeringConnectionId { get; init; }

    [Ec2Parameter("PeeringStatus")]
    public string? PeeringStatus { get; init; }

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }
}
