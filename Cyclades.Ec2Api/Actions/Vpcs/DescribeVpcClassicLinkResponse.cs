using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DescribeVpcClassicLinkResponse : Ec2Response
{
    [Ec2Element("vpcSet")]
    public required IReadOnlyList<VpcClassicLinkItem> Vpcs { get; init; }
}

/// <summary>ClassicLink ended with EC2-Classic: no VPC has it (Ansible's <c>ec2_vpc_net</c> reads this on every run).</summary>
public sealed class VpcClassicLinkItem
{
    public static readonly Ec2FilterSet<VpcClassicLinkItem> Filters = new Ec2FilterSet<VpcClassicLinkItem>()
        .Add("is-classic-link-enabled", v => FilterValues.Bool(v.ClassicLinkEnabled))
        .AddEach("tag-key", v => v.Tags.Select(t => t.Key));

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("classicLinkEnabled")]
    public bool ClassicLinkEnabled { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }
}
