using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class AssociateAddressRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("AllocationId")]
    public string? AllocationId { get; init; }

    /// <summary>The older form: the address itself (accepted as ReleaseAddress accepts it).</summary>
    [Ec2Parameter("PublicIp")]
    public string? PublicIp { get; init; }

    [Ec2Parameter("InstanceId")]
    public string? InstanceId { get; init; }

    [Ec2Parameter("NetworkInterfaceId")]
    public string? NetworkInterfaceId { get; init; }

    [Ec2Parameter("PrivateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    [Ec2Parameter("AllowReassociation")]
    public bool? AllowReassociation { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
