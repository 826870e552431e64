namespace Cyclades.Soak.Cluster;

/// <summary>
/// The real Ganeti test cluster described by the <c>CYCLADES_TEST_GANETI_*</c> variables
/// (<c>source &lt;(scripts/ganeti-test-cluster env)</c>): no injected faults, only the kills. Its
/// instance types are diskless, as in <c>appsettings.GanetiTest.json</c>.
/// </summary>
public sealed class RealCluster(Uri url, string? fingerprint, string user, string password, string? network, string? subnet)
    : SoakCluster(url, fingerprint, user, password)
{
    public static RealCluster? FromEnvironment()
    {
        static string? Variable(string name) =>
            Environment.GetEnvironmentVariable($"CYCLADES_TEST_GANETI_{name}") is { Length: > 0 } value ? value : null;
        return Variable("URL") is { } url
            ? new RealCluster(new Uri(url), Variable("CERT_SHA256"), Variable("USER") ?? "gnt-test", Variable("PASSWORD") ?? "gnt-test-pass",
                Variable("NETWORK"), Variable("SUBNET"))
            : null;
    }

    public override IReadOnlyDictionary<string, string> ServiceSettings(string backendName)
    {
        var settings = new Dictionary<string, string>
        {
            ["Cyclades__Ganeti__Clusters__0__Name"] = backendName,
            ["Cyclades__Ganeti__Clusters__0__Url"] = Url.ToString(),
            ["Cyclades__Ganeti__Clusters__0__User"] = User!,
            ["Cyclades__Ganeti__Clusters__0__Password"] = Password!,
            ["Cyclades__Ganeti__Clusters__0__Hypervisor"] = "fake",
        };
        if (Fingerprint is null)
        {
            settings["Cyclades__Ganeti__Clusters__0__InsecureSkipTlsVerify"] = "true";
        }
        else
        {
            settings["Cyclades__Ganeti__Clusters__0__CertificateFingerprint"] = Fingerprint;
        }
        if (network is not null)
        {
            settings["Cyclades__Ganeti__Clusters__0__Network"] = network;
        }
        if (subnet is not null)
        {
            settings["Cyclades__Ganeti__Clusters__0__Subnet"] = subnet;
        }
        string[] flavors = ["t2.nano:256", "t2.micro:512", "t2.small:1024"];
        for (var i = 0; i < flavors.Length; i++)
        {
            var (name, ram) = (flavors[i].Split(':')[0], flavors[i].Split(':')[1]);
            settings[$"Cyclades__Flavors__{i}__Name"] = name;
            settings[$"Cyclades__Flavors__{i}__Cpu"] = "1";
            settings[$"Cyclades__Flavors__{i}__RamMiB"] = ram;
            settings[$"Cyclades__Flavors__{i}__DiskGiB"] = "0";
            settings[$"Cyclades__Flavors__{i}__DiskTemplate"] = "diskless";
        }
        return settings;
    }
}
