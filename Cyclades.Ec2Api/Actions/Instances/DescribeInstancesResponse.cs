using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Instances;

public sealed class DescribeInstancesResponse : Ec2Response
{
    [Ec2Element("reservationSet")]
    public required IReadOnlyList<ReservationItem> Reservations { get; init; }

    /// <summary>Absent on the last page (an empty one would also end paginators, but absent is what AWS sends).</summary>
    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
