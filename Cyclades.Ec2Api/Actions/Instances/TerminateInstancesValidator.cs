using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The binder requires the ids; each is checked by <see cref="InstanceLookup"/>.</summary>
public sealed class TerminateInstancesValidator : AbstractValidator<TerminateInstancesRequest>;
