using Cyclades.Ec2Api.Protocol;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Routing;

namespace Cyclades.Ec2Api.Mvc;

/// <summary>Selects the controller action that handles the EC2 <c>Action</c> named here.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class Ec2ActionAttribute(string name) : ActionMethodSelectorAttribute
{
    public string Name { get; } = name;

    public override bool IsValidForRequest(RouteContext routeContext, ActionDescriptor action) =>
        routeContext.HttpContext.Features.Get<Ec2RequestContext>()?.Action == Name;
}
