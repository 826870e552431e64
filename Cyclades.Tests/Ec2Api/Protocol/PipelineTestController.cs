using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Validation;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Tests.Ec2Api.Binding;
using FluentValidation;

namespace Cyclades.Tests.Ec2Api.Protocol;

/// <summary>
/// A test-only controller plugged into the real host (see <see cref="Ec2PipelineTests"/>) to drive the
/// MVC half of the pipeline: binding, validation, DryRun and error handling, as a real action would.
/// </summary>
public sealed class PipelineTestController : Ec2Controller
{
    public static int Launches;

    [Ec2Action("TestLaunch")]
    public TestLaunchResponse Launch(LaunchRequest request)
    {
        Interlocked.Increment(ref Launches);
        return new TestLaunchResponse
        {
            ImageId = request.ImageId,
            Tags = request.TagSpecifications.SelectMany(s => s.Tags).Select(t => new TestTag { Key = t.Key, Value = t.Value }).ToList(),
            OwnerId = Caller.OwnerId,
        };
    }

    /// <summary>Checks that the instances exist before honouring DryRun, as StopInstances will.</summary>
    [Ec2Action("TestStop")]
    [HandlesDryRun]
    public Ec2ReturnResponse Stop(InstancesRequest request)
    {
        if (request.InstanceIds.Any(id => id != "i-exists"))
        {
            throw Ec2Errors.InvalidParameterValue("The instance ID does not exist");
        }
        DryRunGate.ThrowIfDryRun(request);
        Interlocked.Increment(ref Launches);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("TestCrash")]
    public Ec2ReturnResponse Crash(InstancesRequest request) => throw new InvalidOperationException("bug at line 42");
}

public sealed class TestLaunchResponse : Ec2Response
{
    [Ec2Element("imageId")]
    public string? ImageId { get; init; }

    [Ec2Element("tagSet")]
    public IReadOnlyList<TestTag> Tags { get; init; } = [];

    [Ec2Element("ownerId")]
    public string? OwnerId { get; init; }

    [Ec2Element("launchTime")]
    public DateTimeOffset LaunchTime { get; init; } = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Ec2Element("ebsOptimized")]
    public bool EbsOptimized { get; init; }

    [Ec2Element("stateReason")]
    public TestTag? Missing { get; init; }
}

public sealed class TestTag
{
    [Ec2Element("key")]
    public string? Key { get; init; }

    [Ec2Element("value")]
    public string? Value { get; init; }
}

public sealed class LaunchRequestValidator : AbstractValidator<LaunchRequest>
{
    public LaunchRequestValidator()
    {
        RuleFor(r => r.MinCount).GreaterThan(0).WithMessage(r => $"Value ({r.MinCount}) for parameter MinCount is invalid. Expected a positive number.");
        RuleFor(r => r.Placement).NotNull().When(r => r.ClientToken == "needs-placement")
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("Placement.AvailabilityZone");
    }
}

public sealed class InstancesRequestValidator : AbstractValidator<InstancesRequest>
{
    public InstancesRequestValidator() =>
        RuleFor(r => r.MaxResults).Null().When(r => r.InstanceIds.Count > 0)
            .WithErrorCode(Ec2ValidationCodes.InvalidParameterCombination)
            .WithMessage("The parameter instancesSet cannot be used with the parameter maxResults");
}
