using Cyclades.Ec2Api.Authentication;
using Microsoft.AspNetCore.Http;

namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// An authenticated EC2 request, as the protocol middleware hands it to MVC (an HTTP feature): the
/// action and version, the operation parameters and the caller.
/// </summary>
public sealed record Ec2RequestContext(string RequestId, string Action, string Version, Ec2Parameters Parameters, Ec2Caller Caller);

public static class Ec2RequestContextExtensions
{
    public static Ec2RequestContext GetEc2Request(this HttpContext http) =>
        http.Features.Get<Ec2RequestContext>()
        ?? throw new InvalidOperationException("No EC2 request: the protocol middleware did not run for this request.");
}
