using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class DeleteNetworkInterfaceRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("NetworkInterfaceId", Required = true)]
    public string NetworkInterfaceId { get; init; } = "";

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
