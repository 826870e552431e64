using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.RouteTables;

/// <summary>
/// A VPC's main route table, as the network routes: its own block locally, and — for the default VPC,
/// whose subnets are the public networks — everything else through its internet gateway.
/// </summary>
public sealed class RouteTableItem
{
    [Ec2Element("routeTableId")]
    public required string RouteTableId { get; init; }

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("routeSet")]
    public required IReadOnlyList<RouteItem> Routes { get; init; }

    [Ec2Element("associationSet")]
    public required IReadOnlyList<RouteTableAssociationItem> Associations { get; init; }

    [Ec2Element("propagatingVgwSet")]
    public IReadOnlyList<PropagatingVgwItem> PropagatingVgws { get; init; } = [];

    [Ec2Element("tagSet")]
    public IReadOnlyList<TagItem> Tags { get; init; } = [];

    public static RouteTableItem From(VpcItem vpc, long networkId)
    {
        var table = VpcIds.RouteTableOf(networkId);
        IReadOnlyList<RouteItem> local = [new RouteItem { DestinationCidrBlock = vpc.CidrBlock, GatewayId = RouteItem.Local, Origin = RouteItem.FromTable }];
        return new RouteTableItem
        {
            RouteTableId = table,
            VpcId = vpc.VpcId,
            OwnerId = vpc.OwnerId,
            Routes = vpc.IsDefault
                ? [.. local, new RouteItem { DestinationCidrBlock = "0.0.0.0/0", GatewayId = VpcIds.InternetGatewayOf(networkId), Origin = RouteItem.FromRoute }]
                : local,
            Associations =
            [
                new RouteTableAssociationItem
                {
                    Main = true,
                    RouteTableAssociationId = VpcIds.RouteTableAssociationOf(networkId),
                    RouteTableId = table,
                    AssociationState = new RouteTableAssociationStateItem(),
                },
            ],
        };
    }
}

/// <summary>No virtual private gateways here: the set is always empty.</summary>
public sealed class PropagatingVgwItem
{
    [Ec2Element("gatewayId")]
    public required string GatewayId { get; init; }
}

public sealed class RouteItem
{
    public const string Local = "local";
    public const string FromTable = "CreateRouteTable";
    public const string FromRoute = "CreateRoute";

    [Ec2Element("destinationCidrBlock")]
    public required string DestinationCidrBlock { get; init; }

    [Ec2Element("gatewayId")]
    public required string GatewayId { get; init; }

    [Ec2Element("origin")]
    public required string Origin { get; init; }

    [Ec2Element("state")]
    public string State { get; init; } = "active";
}

public sealed class RouteTableAssociationItem
{
    [Ec2Element("main")]
    public required bool Main { get; init; }

    [Ec2Element("routeTableAssociationId")]
    public required string RouteTableAssociationId { get; init; }

    [Ec2Element("routeTableId")]
    public required string RouteTableId { get; init; }

    [Ec2Element("associationState")]
    public required RouteTableAssociationStateItem AssociationState { get; init; }
}

public sealed class RouteTableAssociationStateItem
{
    [Ec2Element("state")]
    public string State { get; init; } = "associated";
}
