namespace Cyclades.Logic.Quotas;

/// <summary>The quota resources (Synnefo's names after the 2013-11 rename). RAM and disk count bytes.</summary>
public enum QuotaResource
{
    /// <summary><c>cyclades.vm</c>: number of servers.</summary>
    Vm,

    /// <summary><c>cyclades.total_cpu</c>: vCPUs of all servers.</summary>
    TotalCpu,

    /// <summary><c>cyclades.cpu</c>: vCPUs of active servers (STARTED, BUILD, ERROR).</summary>
    Cpu,

    /// <summary><c>cyclades.total_ram</c>: RAM of all servers, bytes.</summary>
    TotalRam,

    /// <summary><c>cyclades.ram</c>: RAM of active servers, bytes.</summary>
    Ram,

    /// <summary><c>cyclades.disk</c>: disk of all servers, bytes.</summary>
    Disk,

    /// <summary><c>cyclades.network.private</c>: a user's private networks (his default network is not counted).</summary>
    NetworkPrivate,
}

public static class QuotaResources
{
    public static readonly IReadOnlyList<QuotaResource> All = Enum.GetValues<QuotaResource>();

    public static string Name(this QuotaResource resource) => resource switch
    {
        QuotaResource.Vm => "cyclades.vm",
        QuotaResource.TotalCpu => "cyclades.total_cpu",
        QuotaResource.Cpu => "cyclades.cpu",
        QuotaResource.TotalRam => "cyclades.total_ram",
        QuotaResource.Ram => "cyclades.ram",
        QuotaResource.Disk => "cyclades.disk",
        QuotaResource.NetworkPrivate => "cyclades.network.private",
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    public static QuotaResource Parse(string name) =>
        All.Where(r => r.Name() == name).Select(r => (QuotaResource?)r).FirstOrDefault()
        ?? throw new ArgumentException($"Unknown quota resource '{name}'.", nameof(name));
}
