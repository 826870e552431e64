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
