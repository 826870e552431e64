using System.Globalization;
using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

/// <summary>The DescribeInstanceTypes filters that say something about our instance types.</summary>
public static class InstanceTypeFilters
{
    public static readonly Ec2FilterSet<InstanceTypeItem> Set = new Ec2FilterSet<InstanceTypeItem>()
        .Add("instance-type", t => t.InstanceType)
        .Add("current-generation", t => Bool(t.CurrentGeneration))
        .Add("free-tier-eligible", t => Bool(t.FreeTierEligible))
        .Add("bare-metal", t => Bool(t.BareMetal))
        .Add("burstable-performance-supported", t => Bool(t.BurstablePerformanceSupported))
        .Add("dedicated-hosts-supported", t => Bool(t.DedicatedHostsSupported))
        .Add("hibernation-supported", t => Bool(t.HibernationSupported))
        .Add("auto-recovery-supported", t => Bool(t.AutoRecoverySupported))
        .Add("hypervisor", t => t.Hypervisor)
        .Add("ebs-info.ebs-optimized-support", t => t.EbsInfo.EbsOptimizedSupport)
        .Add("ebs-info.encryption-support", t => t.EbsInfo.EncryptionSupport)
        .Add("ebs-info.nvme-support", t => t.EbsInfo.NvmeSupport)
        .Add("network-info.efa-supported", t => Bool(t.NetworkInfo.EfaSupported))
        .Add("network-info.ena-support", t => t.NetworkInfo.EnaSupport)
        .Add("network-info.encryption-in-transit-supported", t => Bool(t.NetworkInfo.EncryptionInTransitSupported))
        .Add("network-info.ipv4-addresses-per-interface", t => Number(t.NetworkInfo.Ipv4AddressesPerInterface))
        .Add("network-info.ipv6-addresses-per-interface", t => Number(t.NetworkInfo.Ipv6AddressesPerInterface))
        .Add("network-info.ipv6-supported", t => Bool(t.NetworkInfo.Ipv6Supported))
        .Add("network-info.maximum-network-cards", t => Number(t.NetworkInfo.MaximumNetworkCards))
        .Add("network-info.maximum-network-interfaces", t => Number(t.NetworkInfo.MaximumNetworkInterfaces))
        .Add("network-info.network-performance", t => t.NetworkInfo.NetworkPerformance)
        .Add("nitro-enclaves-support", t => t.NitroEnclavesSupport)
        .Add("nitro-tpm-support", t => t.NitroTpmSupport)
        .Add("instance-storage-supported", t => Bool(t.InstanceStorageSupported))
        .Add("instance-storage-info.total-size-in-gb", t => Number(t.InstanceStorageInfo?.TotalSizeInGB))
        .AddEach("instance-storage-info.disk.count", t => (t.InstanceStorageInfo?.Disks ?? []).Select(d => Number(d.Count)))
        .AddEach("instance-storage-info.disk.size-in-gb", t => (t.InstanceStorageInfo?.Disks ?? []).Select(d => Number(d.SizeInGB)))
        .AddEach("instance-storage-info.disk.type", t => (t.InstanceStorageInfo?.Disks ?? []).Select(d => d.Type))
        .Add("memory-info.size-in-mib", t => Number(t.MemoryInfo.SizeInMiB))
        .AddEach("processor-info.supported-architecture", t => t.ProcessorInfo.SupportedArchitectures)
        .AddEach("supported-boot-mode", t => t.SupportedBootModes)
        .AddEach("supported-root-device-type", t => t.SupportedRootDeviceTypes)
        .AddEach("supported-usage-class", t => t.SupportedUsageClasses)
        .AddEach("supported-virtualization-type", t => t.SupportedVirtualizationTypes)
        .Add("vcpu-info.default-cores", t => Number(t.VCpuInfo.DefaultCores))
        .Add("vcpu-info.default-threads-per-core", t => Number(t.VCpuInfo.DefaultThreadsPerCore))
        .Add("vcpu-info.default-vcpus", t => Number(t.VCpuInfo.DefaultVCpus));

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
