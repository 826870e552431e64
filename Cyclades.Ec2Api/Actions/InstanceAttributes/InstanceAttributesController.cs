using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

public sealed class InstanceAttributesController(InstanceLookup lookup, ServerQueries queries, ServerResizer resizer) : Ec2Controller
{
    /// <summary>
    /// Changing the instance type resizes the (stopped) server and, as on AWS, returns once the change
    /// is applied; no other attribute can change.
    /// </summary>
    [Ec2Action("ModifyInstanceAttribute")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> ModifyInstanceAttribute(ModifyInstanceAttributeRequest request, CancellationToken cancellationToken)
    {
        var attribute = request.Attributes().Single();
        if (attribute != ModifyInstanceAttributeRequest.InstanceTypeAttribute)
        {
            throw Ec2Errors.UnsupportedOperation($"Modifying the attribute {attribute} is not supported by this endpoint.");
        }
        var view = (await lookup.RequireAsync(Caller, [request.InstanceId], cancellationToken))[0];
        DryRunGate.ThrowIfDryRun(request);
        await resizer.ResizeAsync(Caller.LogicUserId(), view.Server.Id, request.NewInstanceType!, cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("DescribeInstanceAttribute")]
    [HandlesDryRun]
    public async Task<DescribeInstanceAttributeResponse> DescribeInstanceAttribute(DescribeInstanceAttributeRequest request, CancellationToken cancellationToken)
    {
        var view = (await lookup.RequireAsync(Caller, [request.InstanceId], cancellationToken))[0];
        DryRunGate.ThrowIfDryRun(request);
        var userData = request.Attribute == "userData"
            ? await queries.GetUserDataAsync(Caller.LogicUserId(), view.Server.Id, cancellationToken)
            : null;
        return DescribeInstanceAttributeResponse.For(request.Attribute, view, userData);
    }
}
