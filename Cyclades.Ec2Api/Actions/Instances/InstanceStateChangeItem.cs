using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The model's <c>InstanceStateChange</c>: an instance's state before and after a start, stop or terminate.</summary>
public sealed class InstanceStateChangeItem
{
    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("currentState")]
    public required InstanceStateItem CurrentState { get; init; }

    [Ec2Element("previousState")]
    public required InstanceStateItem PreviousState { get; init; }

    public static IReadOnlyList<InstanceStateChangeItem> From(IEnumerable<ServerCommandResult> results) =>
        results.Select(r => new InstanceStateChangeItem
        {
            InstanceId = InstanceIds.Of(r.After.Id),
            CurrentState = InstanceStates.Of(r.After),
            PreviousState = InstanceStates.Of(r.Before),
        }).ToList();
}
