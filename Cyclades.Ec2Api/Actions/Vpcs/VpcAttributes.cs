using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Networks;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>
/// The three VPC attributes (Terraform reads all three on every refresh): DNS resolution and DNS host
/// names are the network's recorded settings; address usage metrics are not collected, always false.
/// </summary>
public static class VpcAttributes
{
    public const string EnableDnsSupport = "enableDnsSupport";
    public const string EnableDnsHostnames = "enableDnsHostnames";
    public const string EnableNetworkAddressUsageMetrics = "enableNetworkAddressUsageMetrics";

    public static readonly IReadOnlyList<string> Names = [EnableDnsSupport, EnableDnsHostnames, EnableNetworkAddressUsageMetrics];

    public static bool ValueOf(Network network, string attribute) => attribute switch
    {
        EnableDnsSupport => network.DnsSupport,
        EnableDnsHostnames => network.DnsHostnames,
        _ => false,
    };
}

/// <summary>The model's <c>AttributeBooleanValue</c> in a response: <c>&lt;value&gt;true&lt;/value&gt;</c>.</summary>
public sealed class BooleanValueItem
{
    [Ec2Element("value")]
    public required bool Value { get; init; }
}

/// <summary>The model's <c>AttributeBooleanValue</c> in a request: <c>X.Value=true</c>.</summary>
public sealed class BooleanValueParameter
{
    [Ec2Parameter("Value")]
    public bool? Value { get; init; }
}
