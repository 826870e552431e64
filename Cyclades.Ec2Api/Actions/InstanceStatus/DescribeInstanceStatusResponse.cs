using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.InstanceStatus;

public sealed class DescribeInstanceStatusResponse : Ec2Response
{
    [Ec2Element("instanceStatusSet")]
    public required IReadOnlyList<InstanceStatusItem> Statuses { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

/// <summary>The model's <c>InstanceStatus</c>. Running instances pass their checks; others have none.</summary>
public sealed class InstanceStatusItem
{
    public const string Ok = "ok";
    public const string NotApplicable = "not-applicable";
    public const string Passed = "passed";

    [Ec2Element("availabilityZone")]
    public required string AvailabilityZone { get; init; }

    [Ec2Element("availabilityZoneId")]
    public required string AvailabilityZoneId { get; init; }

    [Ec2Element("eventsSet")]
    public IReadOnlyList<InstanceStatusEventItem> Events { get; init; } = [];

    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("instanceState")]
    public required InstanceStateItem State { get; init; }

    [Ec2Element("instanceStatus")]
    public required StatusSummaryItem InstanceStatus { get; init; }

    [Ec2Element("systemStatus")]
    public required StatusSummaryItem SystemStatus { get; init; }

    public static StatusSummaryItem SummaryFor(InstanceStateItem state) => state == InstanceStates.Running
        ? new StatusSummaryItem { Status = Ok, Details = [new StatusDetailItem { Name = "reachability", Status = Passed }] }
        : new StatusSummaryItem { Status = NotApplicable };
}

public sealed class StatusSummaryItem
{
    [Ec2Element("details")]
    public IReadOnlyList<StatusDetailItem>? Details { get; init; }

    [Ec2Element("status")]
    public required string Status { get; init; }
}

public sealed class StatusDetailItem
{
    [Ec2Element("name")]
    public required string Name { get; init; }

    [Ec2Element("status")]
    public required string Status { get; init; }
}

/// <summary>The model's <c>InstanceStatusEvent</c>; no instance has scheduled events here.</summary>
public sealed class InstanceStatusEventItem
{
    [Ec2Element("code")]
    public required string Code { get; init; }
}
