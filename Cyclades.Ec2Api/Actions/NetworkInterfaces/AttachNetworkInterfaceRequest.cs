using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class AttachNetworkInterfaceRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("NetworkInterfaceId", Required = true)]
    public string NetworkInterfaceId { get; init; } = "";

    [Ec2Parameter("InstanceId", Required = true)]
    public string InstanceId { get; init; } = "";

    [Ec2Parameter("DeviceIndex", Required = true)]
    public int DeviceIndex { get; init; }

    [Ec2Parameter("NetworkCardIndex")]
    public int? NetworkCardIndex { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
