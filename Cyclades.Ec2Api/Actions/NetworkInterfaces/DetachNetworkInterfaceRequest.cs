using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class DetachNetworkInterfaceRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("AttachmentId", Required = true)]
    public string AttachmentId { get; init; } = "";

    /// <summary>Accepted; the NIC is removed through the cluster either way (there is no gentler way to ask).</summary>
    [Ec2Parameter("Force")]
    public bool? Force { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
