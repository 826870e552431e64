using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class DeleteKeyPairRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("KeyName", MaxLength = 1024)]
    public string? KeyName { get; init; }

    [Ec2Parameter("KeyPairId")]
    public string? KeyPairId { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
