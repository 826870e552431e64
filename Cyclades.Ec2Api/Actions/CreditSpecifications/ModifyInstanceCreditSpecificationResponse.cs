using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.CreditSpecifications;

public sealed class ModifyInstanceCreditSpecificationResponse : Ec2Response
{
    [Ec2Element("successfulInstanceCreditSpecificationSet")]
    public required IReadOnlyList<SuccessfulCreditSpecificationItem> Successful { get; init; }

    [Ec2Element("unsuccessfulInstanceCreditSpecificationSet")]
    public required IReadOnlyList<UnsuccessfulCreditSpecificationItem> Unsuccessful { get; init; }
}

public sealed class SuccessfulCreditSpecificationItem
{
    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }
}

public sealed class UnsuccessfulCreditSpecificationItem
{
    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("error")]
    public required CreditSpecificationErrorItem Error { get; init; }
}

/// <summary>The model's codes: <c>InvalidInstanceID.Malformed</c>, <c>InvalidInstanceID.NotFound</c>, <c>IncorrectInstanceState</c>, <c>InstanceCreditSpecification.NotSupported</c>.</summary>
public sealed class CreditSpecificationErrorItem
{
    [Ec2Element("code")]
    public required string Code { get; init; }

    [Ec2Element("message")]
    public required string Message { get; init; }
}
