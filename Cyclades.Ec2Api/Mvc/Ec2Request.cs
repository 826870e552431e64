namespace Cyclades.Ec2Api.Mvc;

/// <summary>
/// Base of every action's request model: bound from the flattened EC2 parameters by
/// <see cref="Binding.Ec2ParameterBinder"/> (each property names its wire name with
/// <see cref="Binding.Ec2ParameterAttribute"/>) and checked by the request's FluentValidation validator.
/// </summary>
public abstract class Ec2Request;

/// <summary>A request that takes <c>DryRun</c> (see <see cref="DryRun.DryRunFilter"/>).</summary>
public interface ISupportsDryRun
{
    bool DryRun { get; }
}
