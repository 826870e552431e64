using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>An instance of the simulated cluster (mutable; guarded by the cluster's lock).</summary>
internal sealed class SimulatedInstance
{
    public required string Name { get; init; }
    public string Uuid { get; } = Guid.NewGuid().ToString();
    public required string Os { get; init; }
    public required string DiskTemplate { get; init; }
    public required string PrimaryNode { get; set; }
    public required string Hypervisor { get; init; }
    /// <summary>In index order; disk operations change it.</summary>
    public required List<SimulatedDisk> Disks { get; init; }
    /// <summary>In index order; NIC operations change it.</summary>
    public required List<SimulatedNic> Nics { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public int VCpus { get; set; }
    public int MaxMemoryMiB { get; set; }
    public int MinMemoryMiB { get; set; }

    /// <summary>What the cluster intends (<c>admin_state == up</c>).</summary>
    public bool AdminUp { get; set; }

    /// <summary>What the hypervisor reports (<c>oper_state</c>); false with <see cref="AdminUp"/> = crashed.</summary>
    public bool Running { get; set; }

    public double CreatedAt { get; init; }
    public double ModifiedAt { get; set; }
    public long SerialNumber { get; set; } = 1;

    public void Touch(DateTimeOffset now)
    {
        ModifiedAt = now.ToUnixTimeMilliseconds() / 1000.0;
        SerialNumber++;
    }

    public string Status => (AdminUp, Running) switch
    {
        (true, true) => GanetiInstanceStatuses.Running,
        (true, false) => GanetiInstanceStatuses.ErrorDown,
        (false, true) => GanetiInstanceStatuses.ErrorUp,
        (false, false) => GanetiInstanceStatuses.AdminDown,
    };

    public GanetiInstance ToModel() => new()
    {
        Name = Name,
        Uuid = Uuid,
        AdminState = AdminUp ? GanetiAdminStates.Up : GanetiAdminStates.Down,
        OperState = Running,
        Status = Status,
        Os = Os,
        PrimaryNode = PrimaryNode,
        SecondaryNodes = [],
        DiskTemplate = DiskTemplate,
        DiskSizesMiB = Disks.Select(disk => disk.SizeMiB).ToList(),
        DiskNames = Disks.Select(disk => disk.Name).ToList(),
        DiskUuids = Disks.Select(disk => disk.Uuid).ToList(),
        NicNames = Nics.Select(nic => nic.Name).ToList(),
        NicIps = Nics.Select(nic => nic.Ip).ToList(),
        NicMacs = Nics.Select(nic => (string?)nic.Mac).ToList(),
        NicModes = Nics.Select(_ => (string?)"bridged").ToList(),
        NicLinks = Nics.Select(_ => (string?)SimulatedNic.Link).ToList(),
        NicNetworkNames = Nics.Select(nic => nic.Network).ToList(),
        BeParams = new GanetiBeParams
        {
            VCpus = VCpus, MaxMemoryMiB = MaxMemoryMiB, MinMemoryMiB = MinMemoryMiB, MemoryMiB = MaxMemoryMiB, AutoBalance = true,
        },
        OperRamMiB = Running ? MaxMemoryMiB : null,
        OperVCpus = Running ? VCpus : null,
        Tags = Tags,
        CreatedAt = CreatedAt,
        ModifiedAt = ModifiedAt,
        SerialNumber = SerialNumber,
    };
}

internal sealed record SimulatedNic(string? Ip, string? Network, string Mac, string? Name = null)
{
    public const string Link = "sim-br0";
}
