using Cyclades.Ec2Api.Errors;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Cyclades.Ec2Api.Mvc.DryRun;

/// <summary>
/// <c>DryRun=true</c> answers 412 <c>DryRunOperation</c> once the request is authenticated and valid,
/// before the action runs, so nothing changes. An action that must check more first (that the caller
/// owns the resources it names) carries <see cref="HandlesDryRunAttribute"/> and calls
/// <see cref="DryRunGate.ThrowIfDryRun"/> itself, after those checks and before any change.
/// </summary>
public sealed class DryRunFilter : IActionFilter, IOrderedFilter
{
    public int Order => Ec2FilterOrder.DryRun;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<HandlesDryRunAttribute>().Any())
        {
            return;
        }
        foreach (var request in context.ActionArguments.Values.OfType<ISupportsDryRun>())
        {
            DryRunGate.ThrowIfDryRun(request);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

/// <summary>The action checks <c>DryRun</c> itself with <see cref="DryRunGate.ThrowIfDryRun"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HandlesDryRunAttribute : Attribute;

public static class DryRunGate
{
    /// <summary>Call after every check that could fail the real request, and before changing anything.</summary>
    public static void ThrowIfDryRun(ISupportsDryRun request)
    {
        if (request.DryRun)
        {
            throw Ec2Errors.DryRunOperation();
        }
    }
}
