using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The model's <c>InstanceMetadataOptionsResponse</c>: the server's metadata service settings, always applied.</summary>
public sealed class MetadataOptionsItem
{
    [Ec2Element("state")]
    public string State { get; init; } = "applied";

    [Ec2Element("httpTokens")]
    public required string HttpTokens { get; init; }

    [Ec2Element("httpPutResponseHopLimit")]
    public required int HttpPutResponseHopLimit { get; init; }

    [Ec2Element("httpEndpoint")]
    public required string HttpEndpoint { get; init; }

    [Ec2Element("httpProtocolIpv6")]
    public string HttpProtocolIpv6 { get; init; } = MetadataOptionsParameter.Disabled;

    [Ec2Element("instanceMetadataTags")]
    public required string InstanceMetadataTags { get; init; }

    public static MetadataOptionsItem From(MetadataService metadata) => new()
    {
        HttpTokens = metadata.TokensRequired ? MetadataOptionsParameter.Required : MetadataOptionsParameter.Optional,
        HttpPutResponseHopLimit = metadata.HopLimit,
        HttpEndpoint = metadata.Enabled ? MetadataOptionsParameter.Enabled : MetadataOptionsParameter.Disabled,
        InstanceMetadataTags = metadata.ExposesTags ? MetadataOptionsParameter.Enabled : MetadataOptionsParameter.Disabled,
    };
}

/// <summary>No instance is hibernation-enabled here.</summary>
public sealed class HibernationOptionsItem
{
    [Ec2Element("configured")]
    public bool Configured { get; init; }
}

/// <summary>Instances run in open capacity: there are no capacity reservations.</summary>
public sealed class CapacityReservationSpecificationItem
{
    [Ec2Element("capacityReservationPreference")]
    public string CapacityReservationPreference { get; init; } = "open";
}

public sealed class EnclaveOptionsItem
{
    [Ec2Element("enabled")]
    public bool Enabled { get; init; }
}

public sealed class MaintenanceOptionsItem
{
    [Ec2Element("autoRecovery")]
    public string AutoRecovery { get; init; } = "default";
}

/// <summary>Host names come from the private address (<c>ip-10-0-0-5…</c>); no resource-name DNS records.</summary>
public sealed class PrivateDnsNameOptionsItem
{
    [Ec2Element("hostnameType")]
    public string HostnameType { get; init; } = "ip-name";

    [Ec2Element("enableResourceNameDnsARecord")]
    public bool EnableResourceNameDnsARecord { get; init; }

    [Ec2Element("enableResourceNameDnsAAAARecord")]
    public bool EnableResourceNameDnsAAAARecord { get; init; }
}
