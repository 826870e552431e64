using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The reservation made (or, for a repeated ClientToken, the one made before, with current states).</summary>
public sealed class RunInstancesResponse : Ec2Response
{
    [Ec2Element("reservationId")]
    public required string ReservationId { get; init; }

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("groupSet")]
    public IReadOnlyList<GroupIdentifierItem> Groups { get; init; } = [];

    [Ec2Element("instancesSet")]
    public required IReadOnlyList<InstanceItem> Instances { get; init; }
}
