using System.Net;
using Cyclades.Logic.Accounts;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Ec2Api.Protocol;

/// <summary>An unexpected failure inside the server is a 500 InternalError in EC2 XML, never a stack trace.</summary>
[Category("Contract")]
public sealed class InternalErrorTests
{
    [Test]
    public async Task An_unexpected_exception_is_an_internal_error_without_details()
    {
        await using var host = await Ec2ApiHost.StartAsync(configureServices: services =>
            services.AddSingleton<IAccessKeyResolver>(new BrokenResolver()));

        var reply = await Ec2Reply.SendAsync(SignedRequest.Post(host.Endpoint, TestUser.Alice, "Action=DescribeRegions&Version=2016-11-15"));

        Assert.That((reply.Status, reply.ErrorCode), Is.EqualTo((HttpStatusCode.InternalServerError, "InternalError")));
        Assert.That(reply.ErrorMessage, Is.EqualTo("An internal error has occurred"));
        Assert.That(reply.Body, Does.Not.Contain("database is on fire").And.Not.Contain("   at "));
    }

    private sealed class BrokenResolver : IAccessKeyResolver
    {
        public Task<AccessKeyCredentials?> ResolveAsync(string accessKeyId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("database is on fire");
    }
}
