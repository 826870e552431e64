using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Instances;

public sealed class TerminateInstancesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("InstanceId", Required = true)]
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    [Ec2Parameter("Force")]
    public bool Force { get; init; }

    [Ec2Parameter("SkipOsShutdown")]
    public bool SkipOsShutdown { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
