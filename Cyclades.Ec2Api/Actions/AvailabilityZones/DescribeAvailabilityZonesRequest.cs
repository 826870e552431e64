using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

public sealed class DescribeAvailabilityZonesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ZoneName")]
    public IReadOnlyList<string> ZoneNames { get; init; } = [];

    [Ec2Parameter("ZoneId")]
    public IReadOnlyList<string> ZoneIds { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("AllAvailabilityZones")]
    public bool AllAvailabilityZones { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
