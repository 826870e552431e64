using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Subnets;

/// <summary>
/// One attribute per call (no DryRun in the model). Only <c>MapPublicIpOnLaunch</c> can change; the
/// others are accepted when they ask for what every subnet here is (no IPv6, no DNS64, address host names).
/// </summary>
public sealed class ModifySubnetAttributeRequest : Ec2Request
{
    [Ec2Parameter("SubnetId", Required = true)]
    public string SubnetId { get; init; } = "";

    [Ec2Parameter("MapPublicIpOnLaunch")]
    public BooleanValueParameter? MapPublicIpOnLaunch { get; init; }

    [Ec2Parameter("AssignIpv6AddressOnCreation")]
    public BooleanValueParameter? AssignIpv6AddressOnCreation { get; init; }

    [Ec2Parameter("EnableDns64")]
    public BooleanValueParameter? EnableDns64 { get; init; }

    [Ec2Parameter("MapCustomerOwnedIpOnLaunch")]
    public BooleanValueParameter? MapCustomerOwnedIpOnLaunch { get; init; }

    [Ec2Parameter("EnableResourceNameDnsARecordOnLaunch")]
    public BooleanValueParameter? EnableResourceNameDnsARecordOnLaunch { get; init; }

    [Ec2Parameter("EnableResourceNameDnsAAAARecordOnLaunch")]
    public BooleanValueParameter? EnableResourceNameDnsAaaaRecordOnLaunch { get; init; }

    [Ec2Parameter("PrivateDnsHostnameTypeOnLaunch")]
    public string? PrivateDnsHostnameTypeOnLaunch { get; init; }

    /// <summary>How many attributes the request sets.</summary>
    public int Count =>
        new object?[]
        {
            MapPublicIpOnLaunch?.Value, AssignIpv6AddressOnCreation?.Value, EnableDns64?.Value, MapCustomerOwnedIpOnLaunch?.Value,
            EnableResourceNameDnsARecordOnLaunch?.Value, EnableResourceNameDnsAaaaRecordOnLaunch?.Value, PrivateDnsHostnameTypeOnLaunch,
        }.Count(v => v is not null);

    /// <summary>Whether it asks for something no subnet here can be.</summary>
    public bool AsksForTheUnsupported =>
        AssignIpv6AddressOnCreation?.Value == true || EnableDns64?.Value == true || MapCustomerOwnedIpOnLaunch?.Value == true
        || EnableResourceNameDnsARecordOnLaunch?.Value == true || EnableResourceNameDnsAaaaRecordOnLaunch?.Value == true
        || PrivateDnsHostnameTypeOnLaunch is not (null or "ip-name");
}
