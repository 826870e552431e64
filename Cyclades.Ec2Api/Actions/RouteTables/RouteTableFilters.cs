using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.RouteTables;

/// <summary>The DescribeRouteTables filters tools send (Terraform: <c>association.main</c> + <c>vpc-id</c>).</summary>
public static class RouteTableFilters
{
    public static readonly Ec2FilterSet<RouteTableItem> Set = new Ec2FilterSet<RouteTableItem>()
        .Add("route-table-id", t => t.RouteTableId)
        .Add("vpc-id", t => t.VpcId)
        .Add("owner-id", t => t.OwnerId)
        .AddEach("association.main", t => t.Associations.Select(a => FilterValues.Bool(a.Main)))
        .AddEach("association.route-table-association-id", t => t.Associations.Select(a => a.RouteTableAssociationId))
        .AddEach("association.route-table-id", t => t.Associations.Select(a => a.RouteTableId))
        .AddEach("association.subnet-id", _ => [])
        .AddEach("route.destination-cidr-block", t => t.Routes.Select(r => r.DestinationCidrBlock))
        .AddEach("route.gateway-id", t => t.Routes.Select(r => r.GatewayId))
        .AddEach("route.origin", t => t.Routes.Select(r => r.Origin))
        .AddEach("route.state", t => t.Routes.Select(r => r.State))
        .AddEach("tag-key", t => t.Tags.Select(k => k.Key));
}
