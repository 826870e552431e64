using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Protocol;
using Microsoft.AspNetCore.Mvc;

namespace Cyclades.Ec2Api.Mvc;

/// <summary>
/// Base of the EC2 controllers: one endpoint for every path; each action method names the EC2
/// action it handles with <see cref="Ec2ActionAttribute"/>, takes its <see cref="Ec2Request"/> model and
/// returns its <see cref="Xml.Ec2Response"/>.
/// </summary>
[Route("{**path}")]
public abstract class Ec2Controller : ControllerBase
{
    protected Ec2RequestContext Ec2Request => HttpContext.GetEc2Request();

    protected Ec2Caller Caller => Ec2Request.Caller;

    /// <summary>The endpoint as the client addressed it (its Host header), e.g. <c>127.0.0.1:8773</c>.</summary>
    protected string Endpoint => Request.Host.Value ?? "";
}
