using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

/// <summary>The instance id and the one attribute asked for (the others are left out).</summary>
public sealed class DescribeInstanceAttributeResponse : Ec2Response
{
    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("instanceType")]
    public AttributeValueItem? InstanceType { get; init; }

    [Ec2Element("userData")]
    public AttributeValueItem? UserData { get; init; }

    [Ec2Element("kernel")]
    public AttributeValueItem? Kernel { get; init; }

    [Ec2Element("ramdisk")]
    public AttributeValueItem? Ramdisk { get; init; }

    [Ec2Element("rootDeviceName")]
    public AttributeValueItem? RootDeviceName { get; init; }

    [Ec2Element("instanceInitiatedShutdownBehavior")]
    public AttributeValueItem? InstanceInitiatedShutdownBehavior { get; init; }

    [Ec2Element("sriovNetSupport")]
    public AttributeValueItem? SriovNetSupport { get; init; }

    [Ec2Element("disableApiTermination")]
    public BooleanValueItem? DisableApiTermination { get; init; }

    [Ec2Element("disableApiStop")]
    public BooleanValueItem? DisableApiStop { get; init; }

    [Ec2Element("ebsOptimized")]
    public BooleanValueItem? EbsOptimized { get; init; }

    [Ec2Element("enaSupport")]
    public BooleanValueItem? EnaSupport { get; init; }

    [Ec2Element("sourceDestCheck")]
    public BooleanValueItem? SourceDestCheck { get; init; }

    [Ec2Element("enclaveOptions")]
    public EnclaveOptionsItem? EnclaveOptions { get; init; }

    [Ec2Element("blockDeviceMapping")]
    public IReadOnlyList<BlockDeviceMappingItem>? BlockDeviceMappings { get; init; }

    [Ec2Element("productCodes")]
    public IReadOnlyList<ProductCodeItem>? ProductCodes { get; init; }

    [Ec2Element("groupSet")]
    public IReadOnlyList<GroupIdentifierItem>? Groups { get; init; }

    /// <summary>The answer for <c>groupSet</c>: the instance's security groups.</summary>
    public DescribeInstanceAttributeResponse WithGroups(IReadOnlyList<GroupIdentifierItem> groups) => new() { InstanceId = InstanceId, Groups = groups };

    public static DescribeInstanceAttributeResponse For(string attribute, ServerView view, byte[]? userData)
    {
        var id = InstanceIds.Of(view.Server.Id);
        var settings = view.Server.Settings;
        return attribute switch
        {
            "instanceType" => new() { InstanceId = id, InstanceType = new() { Value = view.Flavor.Name } },
            "userData" => new() { InstanceId = id, UserData = new() { Value = userData is null ? null : Convert.ToBase64String(userData) } },
            "kernel" => new() { InstanceId = id, Kernel = new() },
            "ramdisk" => new() { InstanceId = id, Ramdisk = new() },
            "rootDeviceName" => new() { InstanceId = id, RootDeviceName = new() { Value = InstanceBlockDevices.RootDeviceName(view) } },
            "instanceInitiatedShutdownBehavior" => new()
            {
                InstanceId = id, InstanceInitiatedShutdownBehavior = new() { Value = ShutdownBehaviors.Of(settings.GuestShutdown) },
            },
            "sriovNetSupport" => new() { InstanceId = id, SriovNetSupport = new() },
            "disableApiTermination" => new() { InstanceId = id, DisableApiTermination = new() { Value = settings.DestroyProtected } },
            "disableApiStop" => new() { InstanceId = id, DisableApiStop = new() { Value = settings.StopProtected } },
            "ebsOptimized" => new() { InstanceId = id, EbsOptimized = new() { Value = settings.IoOptimized } },
            "enaSupport" => new() { InstanceId = id, EnaSupport = new() },
            "sourceDestCheck" => new() { InstanceId = id, SourceDestCheck = new() { Value = settings.AddressCheck } },
            "enclaveOptions" => new() { InstanceId = id, EnclaveOptions = new() },
            "blockDeviceMapping" => new() { InstanceId = id, BlockDeviceMappings = InstanceBlockDevices.Of(view) },
            "productCodes" => new() { InstanceId = id, ProductCodes = [] },
            _ => new() { InstanceId = id, Groups = [] },
        };
    }
}
