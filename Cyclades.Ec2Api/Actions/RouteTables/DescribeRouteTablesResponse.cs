using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.RouteTables;

public sealed class DescribeRouteTablesResponse : Ec2Response
{
    [Ec2Element("routeTableSet")]
    public required IReadOnlyList<RouteTableItem> RouteTables { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
