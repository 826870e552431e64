using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.CreditSpecifications;

public sealed class ModifyInstanceCreditSpecificationRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("InstanceCreditSpecification", MaxItems = 1000)]
    public IReadOnlyList<InstanceCreditSpecificationParameter> InstanceCreditSpecifications { get; init; } = [];

    [Ec2Parameter("ClientToken", MaxLength = 64)]
    public string? ClientToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

/// <summary>One <c>InstanceCreditSpecification.N</c>: <c>.InstanceId</c> and <c>.CpuCredits</c>.</summary>
public sealed class InstanceCreditSpecificationParameter
{
    [Ec2Parameter("InstanceId", MaxLength = 64)]
    public string? InstanceId { get; init; }

    [Ec2Parameter("CpuCredits", MaxLength = 64)]
    public string? CpuCredits { get; init; }
}
