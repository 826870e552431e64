using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>One attribute per call (no DryRun in the model).</summary>
public sealed class ModifyVpcAttributeRequest : Ec2Request
{
    [Ec2Parameter("VpcId", Required = true)]
    public string VpcId { get; init; } = "";

    [Ec2Parameter("EnableDnsSupport")]
    public BooleanValueParameter? EnableDnsSupport { get; init; }

    [Ec2Parameter("EnableDnsHostnames")]
    public BooleanValueParameter? EnableDnsHostnames { get; init; }

    [Ec2Parameter("EnableNetworkAddressUsageMetrics")]
    public BooleanValueParameter? EnableNetworkAddressUsageMetrics { get; init; }

    public IEnumerable<(string Attribute, bool Value)> Given()
    {
        (string, BooleanValueParameter?)[] all =
        [
            (VpcAttributes.EnableDnsSupport, EnableDnsSupport),
            (VpcAttributes.EnableDnsHostnames, EnableDnsHostnames),
            (VpcAttributes.EnableNetworkAddressUsageMetrics, EnableNetworkAddressUsageMetrics),
        ];
        return all.Where(a => a.Item2?.Value is not null).Select(a => (a.Item1, a.Item2!.Value!.Value));
    }
}
