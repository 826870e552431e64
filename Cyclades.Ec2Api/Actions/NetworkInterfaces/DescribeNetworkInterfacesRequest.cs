using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class DescribeNetworkInterfacesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("NetworkInterfaceId")]
    public IReadOnlyList<string> NetworkInterfaceIds { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken", MaxLength = 1024)]
    public string? NextToken { get; init; }

    /// <summary>No interface here is managed by a service: accepted, changes nothing.</summary>
    [Ec2Parameter("IncludeManagedResources")]
    public bool? IncludeManagedResources { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
