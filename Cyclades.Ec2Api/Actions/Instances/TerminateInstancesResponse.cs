using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Instances;

public sealed class TerminateInstancesResponse : Ec2Response
{
    [Ec2Element("instancesSet")]
    public required IReadOnlyList<InstanceStateChangeItem> Instances { get; init; }
}
