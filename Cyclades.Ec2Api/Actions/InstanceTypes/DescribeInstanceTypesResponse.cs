using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Catalog;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

public sealed class DescribeInstanceTypesResponse : Ec2Response
{
    [Ec2Element("instanceTypeSet")]
    public required IReadOnlyList<InstanceTypeItem> InstanceTypes { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

/// <summary>The model's <c>InstanceTypeInfo</c> for a flavor: its vCPUs, memory and disk.</summary>
public sealed class InstanceTypeItem
{
    [Ec2Element("instanceType")]
    public required string InstanceType { get; init; }

    [Ec2Element("currentGeneration")]
    public bool CurrentGeneration { get; init; } = true;

    [Ec2Element("freeTierEligible")]
    public bool FreeTierEligible { get; init; }

    [Ec2Element("supportedUsageClasses")]
    public IReadOnlyList<string> SupportedUsageClasses { get; init; } = ["on-demand"];

    [Ec2Element("supportedRootDeviceTypes")]
    public IReadOnlyList<string> SupportedRootDeviceTypes { get; init; } = [InstanceFacts.RootDeviceType];

    [Ec2Element("supportedVirtualizationTypes")]
    public IReadOnlyList<string> SupportedVirtualizationTypes { get; init; } = [InstanceFacts.VirtualizationType];

    [Ec2Element("bareMetal")]
    public bool BareMetal { get; init; }

    [Ec2Element("hypervisor")]
    public string Hypervisor { get; init; } = InstanceFacts.Hypervisor;

    [Ec2Element("processorInfo")]
    public ProcessorInfoItem ProcessorInfo { get; init; } = new();

    [Ec2Element("vCpuInfo")]
    public required VCpuInfoItem VCpuInfo { get; init; }

    [Ec2Element("memoryInfo")]
    public required MemoryInfoItem MemoryInfo { get; init; }

    [Ec2Element("instanceStorageSupported")]
    public required bool InstanceStorageSupported { get; init; }

    [Ec2Element("instanceStorageInfo")]
    public InstanceStorageInfoItem? InstanceStorageInfo { get; init; }

    [Ec2Element("ebsInfo")]
    public EbsInfoItem EbsInfo { get; init; } = new();

    [Ec2Element("networkInfo")]
    public NetworkInfoItem NetworkInfo { get; init; } = new();

    [Ec2Element("hibernationSupported")]
    public bool HibernationSupported { get; init; }

    [Ec2Element("burstablePerformanceSupported")]
    public bool BurstablePerformanceSupported { get; init; }

    [Ec2Element("dedicatedHostsSupported")]
    public bool DedicatedHostsSupported { get; init; }

    [Ec2Element("autoRecoverySupported")]
    public bool AutoRecoverySupported { get; init; }

    [Ec2Element("supportedBootModes")]
    public IReadOnlyList<string> SupportedBootModes { get; init; } = ["legacy-bios"];

    [Ec2Element("nitroEnclavesSupport")]
    public string NitroEnclavesSupport { get; init; } = Unsupported;

    [Ec2Element("nitroTpmSupport")]
    public string NitroTpmSupport { get; init; } = Unsupported;

    [Ec2Element("phcSupport")]
    public string PhcSupport { get; init; } = Unsupported;

    [Ec2Element("supportedInRegion")]
    public bool SupportedInRegion { get; init; } = true;

    public const string Unsupported = "unsupported";

    public static InstanceTypeItem From(Flavor flavor) => new()
    {
        InstanceType = flavor.Name,
        VCpuInfo = new VCpuInfoItem { DefaultVCpus = flavor.Cpu, DefaultCores = flavor.Cpu },
        MemoryInfo = new MemoryInfoItem { SizeInMiB = flavor.RamMiB },
        InstanceStorageSupported = flavor.DiskGiB > 0,
        InstanceStorageInfo = flavor.DiskGiB > 0
            ? new InstanceStorageInfoItem { TotalSizeInGB = flavor.DiskGiB, Disks = [new DiskInfoItem { SizeInGB = flavor.DiskGiB }] }
            : null,
    };
}

public sealed class ProcessorInfoItem
{
    [Ec2Element("supportedArchitectures")]
    public IReadOnlyList<string> SupportedArchitectures { get; init; } = [InstanceFacts.Architecture];
}

public sealed class VCpuInfoItem
{
    [Ec2Element("defaultVCpus")]
    public required int DefaultVCpus { get; init; }

    [Ec2Element("defaultCores")]
    public required int DefaultCores { get; init; }

    [Ec2Element("defaultThreadsPerCore")]
    public int DefaultThreadsPerCore { get; init; } = 1;
}

public sealed class MemoryInfoItem
{
    [Ec2Element("sizeInMiB")]
    public required long SizeInMiB { get; init; }
}

public sealed class InstanceStorageInfoItem
{
    [Ec2Element("totalSizeInGB")]
    public required long TotalSizeInGB { get; init; }

    [Ec2Element("disks")]
    public required IReadOnlyList<DiskInfoItem> Disks { get; init; }
}

public sealed class DiskInfoItem
{
    [Ec2Element("sizeInGB")]
    public required long SizeInGB { get; init; }

    [Ec2Element("count")]
    public int Count { get; init; } = 1;

    [Ec2Element("type")]
    public string Type { get; init; } = "hdd";
}

/// <summary>No EBS here: a server's disk is part of it, so nothing is EBS-optimised, encrypted or NVMe.</summary>
public sealed class EbsInfoItem
{
    [Ec2Element("ebsOptimizedSupport")]
    public string EbsOptimizedSupport { get; init; } = InstanceTypeItem.Unsupported;

    [Ec2Element("encryptionSupport")]
    public string EncryptionSupport { get; init; } = InstanceTypeItem.Unsupported;

    [Ec2Element("nvmeSupport")]
    public string NvmeSupport { get; init; } = InstanceTypeItem.Unsupported;
}

/// <summary>One NIC with one private IPv4 address per server; no IPv6, ENA or EFA.</summary>
public sealed class NetworkInfoItem
{
    public const string Performance = "Moderate";

    [Ec2Element("networkPerformance")]
    public string NetworkPerformance { get; init; } = Performance;

    [Ec2Element("maximumNetworkInterfaces")]
    public int MaximumNetworkInterfaces { get; init; } = 1;

    [Ec2Element("maximumNetworkCards")]
    public int MaximumNetworkCards { get; init; } = 1;

    [Ec2Element("defaultNetworkCardIndex")]
    public int DefaultNetworkCardIndex { get; init; }

    [Ec2Element("networkCards")]
    public IReadOnlyList<NetworkCardInfoItem> NetworkCards { get; init; } = [new()];

    [Ec2Element("ipv4AddressesPerInterface")]
    public int Ipv4AddressesPerInterface { get; init; } = 1;

    [Ec2Element("ipv6AddressesPerInterface")]
    public int Ipv6AddressesPerInterface { get; init; }

    [Ec2Element("ipv6Supported")]
    public bool Ipv6Supported { get; init; }

    [Ec2Element("enaSupport")]
    public string EnaSupport { get; init; } = InstanceTypeItem.Unsupported;

    [Ec2Element("efaSupported")]
    public bool EfaSupported { get; init; }

    [Ec2Element("encryptionInTransitSupported")]
    public bool EncryptionInTransitSupported { get; init; }

    [Ec2Element("enaSrdSupported")]
    public bool EnaSrdSupported { get; init; }
}

public sealed class NetworkCardInfoItem
{
    [Ec2Element("networkCardIndex")]
    public int NetworkCardIndex { get; init; }

    [Ec2Element("networkPerformance")]
    public string NetworkPerformance { get; init; } = NetworkInfoItem.Performance;

    [Ec2Element("maximumNetworkInterfaces")]
    public int MaximumNetworkInterfaces { get; init; } = 1;
}
