using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The model's <c>Reservation</c>: the instances of one launch.</summary>
public sealed class ReservationItem
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
