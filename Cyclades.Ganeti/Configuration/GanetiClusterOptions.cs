using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;

namespace Cyclades.Ganeti.Configuration;

/// <summary>One cluster, bound from <c>Cyclades:Ganeti:Clusters:&lt;n&gt;</c>.</summary>
public sealed class GanetiClusterOptions
{
    /// <summary>The backend's name (unique).</summary>
    public string Name { get; set; } = "";

    /// <summary>RAPI base URL, e.g. <c>https://cluster.example.org:5080</c>; unused when <see cref="Simulated"/>.</summary>
    public string? Url { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Accept any RAPI certificate: only for throwaway test clusters.</summary>
    public bool InsecureSkipTlsVerify { get; set; }

    /// <summary>SHA-256 of the RAPI certificate to pin (64 hex digits, colons allowed).</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>PEM file of the CA that signed the RAPI certificate, instead of the system store.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>A simulated cluster (in memory, nothing runs) instead of a real one.</summary>
    public bool Simulated { get; set; }

    /// <summary>Hypervisor of new instances; null = the cluster's default.</summary>
    public string? Hypervisor { get; set; }

    /// <summary>Node for new instances; null = the cluster's default iallocator decides.</summary>
    public string? PrimaryNode { get; set; }

    /// <summary>Ganeti network of new instances' NIC (addresses checked and reserved by Ganeti); null = none.</summary>
    public string? Network { get; set; }

    /// <summary>How users' private networks are connected to the node groups (Ganeti's NIC mode): <c>bridged</c> by default.</summary>
    public string PrivateNetworkMode { get; set; } = "bridged";

    /// <summary>The link (bridge) of users' private networks; null = the cluster's default NIC link.</summary>
    public string? PrivateNetworkLink { get; set; }

    /// <summary>
    /// The IPv4 subnet (CIDR) the service assigns servers' private addresses from; with a Ganeti
    /// <see cref="Network"/>, that network's range.
    /// </summary>
    public string Subnet { get; set; } = BackendDefinition.DefaultSubnet;

    /// <summary>
    /// The command that removes an export (Ganeti's RAPI cannot): program and arguments, run without a
    /// shell, <c>{instance}</c> and <c>{node}</c> replaced; it must run <c>gnt-backup remove {instance}</c>
    /// on the master node, e.g. <c>["ssh", "-o", "BatchMode=yes", "root@master.example.org", "gnt-backup", "remove", "{instance}"]</c>.
    /// Empty = exports of deregistered images stay until an operator removes them (the dispatcher logs each).
    /// </summary>
    public List<string> ExportRemoveCommand { get; set; } = [];

    /// <summary>How long the <see cref="ExportRemoveCommand"/> may run before it is killed (and tried again later).</summary>
    public int ExportRemoveTimeoutSeconds { get; set; } = 300;

    /// <summary>What is wrong with these settings, each message naming the setting under <paramref name="key"/>.</summary>
    public IReadOnlyList<string> Problems(string key)
    {
        var problems = new List<string>();
        GanetiOptionsValidator.ValidateCluster(key, this, problems);
        return problems;
    }

    public BackendDefinition ToDefinition() => new()
    {
        Name = Name,
        Url = ToEndpoint().Url,
        User = User,
        Password = Password,
        InsecureSkipTlsVerify = InsecureSkipTlsVerify,
        CertificateFingerprint = CertificateFingerprint,
        Simulated = Simulated,
        Subnet = Subnet,
    };

    public BackendEndpoint ToEndpoint() =>
        new(Url ?? SimulatedGanetiCluster.BaseAddress.ToString(), User, Password, InsecureSkipTlsVerify, CertificateFingerprint, Simulated);

    internal InstanceCreationDefaults ToCreationDefaults() => new(Hypervisor, PrimaryNode, Network)
    {
        PrivateNetworkMode = PrivateNetworkMode,
        PrivateNetworkLink = PrivateNetworkLink,
    };
}
