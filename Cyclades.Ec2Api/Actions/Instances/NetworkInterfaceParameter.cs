using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>RunInstances' <c>NetworkInterface.N.*</c> (the model's <c>InstanceNetworkInterfaceSpecification</c>).</summary>
public sealed class NetworkInterfaceParameter
{
    [Ec2Parameter("DeviceIndex")]
    public int? DeviceIndex { get; init; }

    [Ec2Parameter("NetworkInterfaceId")]
    public string? NetworkInterfaceId { get; init; }

    [Ec2Parameter("SubnetId")]
    public string? SubnetId { get; init; }

    [Ec2Parameter("SecurityGroupId")]
    public IReadOnlyList<string> Groups { get; init; } = [];

    [Ec2Parameter("PrivateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    /// <summary>The AWS CLI puts <c>--private-ip-address</c> here (one item, <c>Primary=true</c>).</summary>
    [Ec2Parameter("PrivateIpAddresses")]
    public IReadOnlyList<PrivateIpAddressParameter> PrivateIpAddresses { get; init; } = [];

    [Ec2Parameter("SecondaryPrivateIpAddressCount")]
    public int? SecondaryPrivateIpAddressCount { get; init; }

    [Ec2Parameter("AssociatePublicIpAddress")]
    public bool? AssociatePublicIpAddress { get; init; }

    [Ec2Parameter("DeleteOnTermination")]
    public bool? DeleteOnTermination { get; init; }

    [Ec2Parameter("Description", MaxLength = 255)]
    public string? Description { get; init; }

    /// <summary>The primary address asked for, whichever of the two members carries it.</summary>
    public string? PrimaryPrivateIp => PrivateIpAddress ?? PrivateIpAddresses.FirstOrDefault(a => a.Primary ?? true)?.PrivateIpAddress;

    public bool AsksForSecondaryAddresses =>
        SecondaryPrivateIpAddressCount > 0 || PrivateIpAddresses.Count > 1 || PrivateIpAddresses.Any(a => a.Primary == false);

    /// <summary>Whether the entry describes a new interface (anything but the id of an existing one).</summary>
    public bool DescribesNewInterface => SubnetId is not null || PrimaryPrivateIp is not null || Groups.Count > 0 || DeleteOnTermination == true;
}

public sealed class PrivateIpAddressParameter
{
    [Ec2Parameter("Primary")]
    public bool? Primary { get; init; }

    [Ec2Parameter("PrivateIpAddress")]
    public string? PrivateIpAddress { get; init; }
}
