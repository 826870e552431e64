using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class DisassociateAddressRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("AssociationId")]
    public string? AssociationId { get; init; }

    /// <summary>The older form: the address itself.</summary>
    [Ec2Parameter("PublicIp")]
    public string? PublicIp { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
