using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>
/// The DescribeVpcs filters (with <c>tag:&lt;key&gt;</c>), and the names tools send beside AWS's:
/// <c>isDefault</c> (Ansible, Terraform) and <c>cidr-block</c> (Ansible's <c>ec2_vpc_net</c>).
/// </summary>
public static class VpcFilters
{
    public static readonly Ec2FilterSet<VpcItem> Set = new Ec2FilterSet<VpcItem>()
        .Add("vpc-id", v => v.VpcId)
        .Add("owner-id", v => v.OwnerId)
        .Add("state", v => v.State)
        .Add("cidr", v => v.CidrBlock)
        .Add("cidr-block", v => v.CidrBlock)
        .Add("dhcp-options-id", v => v.DhcpOptionsId)
        .Add("is-default", v => FilterValues.Bool(v.IsDefault))
        .Add("isDefault", v => FilterValues.Bool(v.IsDefault))
        .AddEach("cidr-block-association.cidr-block", v => v.CidrBlockAssociations.Select(a => a.CidrBlock))
        .AddEach("cidr-block-association.association-id", v => v.CidrBlockAssociations.Select(a => a.AssociationId))
        .AddEach("cidr-block-association.state", v => v.CidrBlockAssociations.Select(a => a.CidrBlockState.State))
        .AddEach("tag-key", v => v.Tags.Select(t => t.Key));
}
