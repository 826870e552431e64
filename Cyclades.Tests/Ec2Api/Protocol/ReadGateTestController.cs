using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Tests.Ec2Api.Protocol;

/// <summary>A read that holds its turn until the test lets it go, and a write, for <see cref="Ec2ReadGateTests"/>.</summary>
public sealed class ReadGateTestController : Ec2Controller
{
    public static TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Ec2Action("DescribeHeldThings")]
    public async Task<Ec2ReturnResponse> DescribeHeld()
    {
        Entered.TrySetResult();
        await Release.Task;
        return new Ec2ReturnResponse();
    }

    [Ec2Action("DescribeOtherThings")]
    public Ec2ReturnResponse DescribeOther() => new();

    [Ec2Action("ModifyThings")]
    public Ec2ReturnResponse Modify() => new();
}
