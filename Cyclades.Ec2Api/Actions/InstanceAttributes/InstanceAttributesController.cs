using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.Volumes;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

public sealed class InstanceAttributesController(
    InstanceLookup lookup, ServerQueries queries, ServerResizer resizer, ServerSettingsCommands settings, InstanceSecurityGroups groups) : Ec2Controller
{
    /// <summary>The true/false attributes and the setting each one is.</summary>
    private static readonly IReadOnlyDictionary<string, Func<ServerSettings, bool, ServerSettings>> Switches =
        new Dictionary<string, Func<ServerSettings, bool, ServerSettings>>(StringComparer.Ordinal)
        {
            ["disableApiTermination"] = (s, on) => s with { DestroyProtected = on },
            ["disableApiStop"] = (s, on) => s with { StopProtected = on },
            ["sourceDestCheck"] = (s, on) => s with { AddressCheck = on },
            ["ebsOptimized"] = (s, on) => s with { IoOptimized = on },
        };

    /// <summary>
    /// The instance type resizes the (stopped) server and, as on AWS, returns once the change is
    /// applied; user data changes while it is stopped; the protections, the shutdown behaviour, the
    /// source/destination check, EBS optimisation and the security groups (of its only network interface) at any time. Kernel, ramdisk, SR-IOV and ENA cannot change here.
    /// </summary>
    [Ec2Action("ModifyInstanceAttribute")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> ModifyInstanceAttribute(ModifyInstanceAttributeRequest request, CancellationToken cancellationToken)
    {
        var attribute = request.Attributes().Single();
        Func<ServerSettings, ServerSettings>? change = null;
        if (Switches.TryGetValue(attribute, out var set))
        {
            var on = request.NewBoolean(attribute) ?? throw Ec2Errors.InvalidParameterValue($"Value ({request.Value}) for parameter {attribute} is invalid. Expected: 'true' or 'false'.");
            change = s => set(s, on);
        }
        else if (attribute == "instanceInitiatedShutdownBehavior")
        {
            var behavior = request.NewShutdownBehavior is { } b && ShutdownBehaviors.IsValid(b)
                ? b
                : throw Ec2Errors.InvalidParameterValue($"Value ({request.NewShutdownBehavior}) for parameter instanceInitiatedShutdownBehavior is invalid. Expected: 'stop' or 'terminate'.");
            change = s => s with { GuestShutdown = ShutdownBehaviors.ToAction(behavior) };
        }
        else if (attribute is not (ModifyInstanceAttributeRequest.InstanceTypeAttribute or "userData" or ModifyInstanceAttributeRequest.BlockDeviceMappingAttribute or "groupSet"))
        {
            throw Ec2Errors.UnsupportedOperation($"Modifying the attribute {attribute} is not supported by this endpoint.");
        }
        var userData = attribute == "userData"
            ? request.NewUserData is { Length: <= RunInstancesValidator.MaxUserDataBytes } data
                ? data
                : throw Ec2Errors.InvalidParameterValue($"User data must be base64 and at most {RunInstancesValidator.MaxUserDataBytes} bytes once decoded.")
            : null;
        var view = (await lookup.RequireAsync(Caller, [request.InstanceId], cancellationToken))[0];
        DryRunGate.ThrowIfDryRun(request);

        var userId = Caller.LogicUserId();
        if (attribute == ModifyInstanceAttributeRequest.BlockDeviceMappingAttribute)
        {
            await settings.ChangeDeleteOnTerminationAsync(userId, view.Server.Id, DeleteOnTermination(view, request.BlockDeviceMappings), cancellationToken);
        }
        else if (attribute == "groupSet")
        {
            await groups.SetAsync(Caller, view.Server.Id, request.GroupIds, cancellationToken);
        }
        else if (change is not null)
        {
            await settings.ChangeAsync(userId, view.Server.Id, change, cancellationToken);
        }
        else if (userData is not null)
        {
            await settings.ChangeUserDataAsync(userId, view.Server.Id, userData.Length == 0 ? null : userData, cancellationToken);
        }
        else
        {
            await resizer.ResizeAsync(userId, view.Server.Id, request.NewInstanceType!, cancellationToken);
        }
        return new Ec2ReturnResponse();
    }

    /// <summary>Each mapping names one of the instance's devices and sets only its DeleteOnTermination.</summary>
    private static Dictionary<long, bool> DeleteOnTermination(ServerView view, IReadOnlyList<InstanceBlockDeviceMappingParameter> mappings)
    {
        var changes = new Dictionary<long, bool>();
        foreach (var mapping in mappings)
        {
            if (mapping.NoDevice is not null || mapping.VirtualName is not null)
            {
                throw Ec2Errors.UnsupportedOperation("Only Ebs.DeleteOnTermination of an attached volume can be modified here.");
            }
            var device = mapping.DeviceName ?? throw Ec2Errors.MissingParameter("BlockDeviceMapping.N.DeviceName");
            var volume = view.Volumes.FirstOrDefault(v => InstanceBlockDevices.DeviceNameOf(v) == device)
                ?? throw Ec2Errors.InvalidInstanceAttributeValue($"No device is currently mapped at {device}");
            if (mapping.Ebs?.VolumeId is { } volumeId && volumeId != VolumeIds.Of(volume.Id))
            {
                throw Ec2Errors.InvalidInstanceAttributeValue($"The volume '{volumeId}' is not attached at {device}");
            }
            changes[volume.Id] = mapping.Ebs?.DeleteOnTermination
                ?? throw Ec2Errors.MissingParameter("BlockDeviceMapping.N.Ebs.DeleteOnTermination");
        }
        return changes;
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
        var response = DescribeInstanceAttributeResponse.For(request.Attribute, view, userData);
        return request.Attribute == "groupSet"
            ? response.WithGroups((await groups.OfServersAsync(Caller, [view.Server.Id], cancellationToken))[view.Server.Id].ToList())
            : response;
    }
}
