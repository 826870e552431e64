namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>
/// What every instance (and image and instance type) of this cloud is, in EC2's words: x86-64 VMs
/// whose disks outlive a stop (EC2 calls that an EBS root device), fully virtualised, default tenancy.
/// </summary>
public static class InstanceFacts
{
    public const string Architecture = "x86_64";
    public const string RootDeviceType = "ebs";
    public const string RootDeviceName = "/dev/xvda";
    public const string VirtualizationType = "hvm";

    /// <summary>EC2's <c>HypervisorType</c> knows only <c>ovm</c> and <c>xen</c> (Nitro reports <c>xen</c> too).</summary>
    public const string Hypervisor = "xen";

    public const string Tenancy = "default";

    public const string BootMode = "legacy-bios";

    /// <summary>Every instance earns and spends CPU credits at the standard rate (no unlimited mode).</summary>
    public const string StandardCpuCredits = "standard";
    public const string UnlimitedCpuCredits = "unlimited";
    public const string PlatformDetails = "Linux/UNIX";
}
