using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.CreditSpecifications;

public sealed class DescribeInstanceCreditSpecificationsResponse : Ec2Response
{
    [Ec2Element("instanceCreditSpecificationSet")]
    public required IReadOnlyList<InstanceCreditSpecificationItem> InstanceCreditSpecifications { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

public sealed class InstanceCreditSpecificationItem
{
    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("cpuCredits")]
    public string CpuCredits { get; init; } = CreditSpecifications.CpuCredits.Standard;
}
