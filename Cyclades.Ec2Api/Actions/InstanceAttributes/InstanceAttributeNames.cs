namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

/// <summary>The model's <c>InstanceAttributeName</c> values.</summary>
public static class InstanceAttributeNames
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "instanceType", "kernel", "ramdisk", "userData", "disableApiTermination", "instanceInitiatedShutdownBehavior",
        "rootDeviceName", "blockDeviceMapping", "productCodes", "sourceDestCheck", "groupSet", "ebsOptimized",
        "sriovNetSupport", "enaSupport", "enclaveOptions", "disableApiStop",
    };
}
