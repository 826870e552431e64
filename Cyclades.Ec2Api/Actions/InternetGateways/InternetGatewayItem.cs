using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.InternetGateways;

/// <summary>
/// The default VPC's internet gateway: its subnets are the operator's public networks, which reach the
/// Internet. Private VPCs (a user's own networks) have no way out, so no gateway.
/// </summary>
public sealed class InternetGatewayItem
{
    public static readonly Ec2FilterSet<InternetGatewayItem> Filters = new Ec2FilterSet<InternetGatewayItem>()
        .Add("internet-gateway-id", g => g.InternetGatewayId)
        .Add("owner-id", g => g.OwnerId)
        .AddEach("attachment.vpc-id", g => g.Attachments.Select(a => a.VpcId))
        .AddEach("attachment.state", g => g.Attachments.Select(a => a.State))
        .AddEach("tag-key", g => g.Tags.Select(t => t.Key));

    [Ec2Element("internetGatewayId")]
    public required string InternetGatewayId { get; init; }

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("attachmentSet")]
    public required IReadOnlyList<InternetGatewayAttachmentItem> Attachments { get; init; }

    [Ec2Element("tagSet")]
    public IReadOnlyList<TagItem> Tags { get; init; } = [];

    public static InternetGatewayItem? Of(VpcItem vpc) => vpc.IsDefault
        ? new InternetGatewayItem
        {
            InternetGatewayId = VpcIds.InternetGatewayOf(VpcLookup.IdOf(vpc)),
            OwnerId = vpc.OwnerId,
            Attachments = [new InternetGatewayAttachmentItem { VpcId = vpc.VpcId }],
        }
        : null;
}

/// <summary>AWS reports an attached gateway's state as <c>available</c> (Ansible's waiter expects it).</summary>
public sealed class InternetGatewayAttachmentItem
{
    [Ec2Element("state")]
    public string State { get; init; } = "available";

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }
}
