using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class DeleteSubnetRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("SubnetId", Required = true)]
    public string SubnetId { get; init; } = "";

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
