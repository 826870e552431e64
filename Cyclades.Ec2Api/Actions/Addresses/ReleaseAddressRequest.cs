using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class ReleaseAddressRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("AllocationId")]
    public string? AllocationId { get; init; }

    /// <summary>The older form: the address itself.</summary>
    [Ec2Parameter("PublicIp")]
    public string? PublicIp { get; init; }

    [Ec2Parameter("NetworkBorderGroup")]
    public string? NetworkBorderGroup { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
