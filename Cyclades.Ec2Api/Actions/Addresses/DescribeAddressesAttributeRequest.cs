using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class DescribeAddressesAttributeRequest : Ec2Request, ISupportsDryRun
{
    public const string DomainName = "domain-name";

    [Ec2Parameter("AllocationId")]
    public IReadOnlyList<string> AllocationIds { get; init; } = [];

    [Ec2Parameter("Attribute")]
    public string? Attribute { get; init; }

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken", MaxLength = 1024)]
    public string? NextToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
