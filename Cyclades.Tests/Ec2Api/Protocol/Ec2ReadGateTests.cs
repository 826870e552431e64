using System.Net;
using Cyclades.Ec2Api.Protocol;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Ec2Api.Protocol;

/// <summary>
/// The read gate in the real host, with one read at a time and room for one waiting: a read waits its turn
/// behind a held one, one more read is refused as EC2 throttles, and an action that changes things is never held.
/// </summary>
[Category("Contract")]
public sealed class Ec2ReadGateTests
{
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() =>
        _host = await Ec2ApiHost.StartAsync(
            new Dictionary<string, string?> { ["Cyclades:Ec2:MaxConcurrentReads"] = "1", ["Cyclades:Ec2:MaxQueuedReads"] = "1" },
            services => services.AddControllers().AddApplicationPart(typeof(ReadGateTestController).Assembly));

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    private Task<Ec2Reply> Send(string action) =>
        Ec2Reply.SendAsync(SignedRequest.Post(_host.Endpoint, TestUser.Alice, $"Version=2016-11-15&Action={action}"));

    [Test]
    public async Task Reads_past_the_limit_wait_their_turn_then_are_refused_while_writes_go_through()
    {
        ReadGateTestController.Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        ReadGateTestController.Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = Send("DescribeHeldThings");
        await ReadGateTestController.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var waiting = Send("DescribeOtherThings");
        var gate = _host.Services.GetRequiredService<Ec2ReadGate>();
        await Eventually.HoldsAsync(() => gate.Waiting == 1, "the second read waiting for its turn");
        var write = await Send("ModifyThings");
        var refused = await Send("DescribeOtherThings");

        Assert.That(write.Status, Is.EqualTo(HttpStatusCode.OK), write.ToString());
        Assert.That((refused.Status, refused.ErrorCode), Is.EqualTo((HttpStatusCode.ServiceUnavailable, "RequestLimitExceeded")), refused.ToString());
        Assert.That(waiting.IsCompleted, Is.False, "the second read waits while the first holds its turn");

        ReadGateTestController.Release.SetResult();
        Assert.That((await held).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await waiting).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Send("DescribeOtherThings")).Status, Is.EqualTo(HttpStatusCode.OK), "the turn is given back");
    }
}
