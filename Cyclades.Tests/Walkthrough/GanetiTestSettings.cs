using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Walkthrough;

/// <summary>
/// The host's settings for the real test cluster: what <c>Cyclades.Host/appsettings.GanetiTest.json</c>
/// says (diskless and file-disk instance types, the noop images), with the cluster's address,
/// credentials, certificate and network from <c>CYCLADES_TEST_GANETI_*</c>, and an instance-name prefix
/// of this run's own so that its instances are told apart and cleaned up.
/// </summary>
public static class GanetiTestSettings
{
    public static Dictionary<string, string?> For(GanetiTestCluster cluster, string instanceNamePrefix)
    {
        const string key = "Cyclades:Ganeti:Clusters:0";
        var settings = new Dictionary<string, string?>
        {
            ["Cyclades:Servers:InstanceNamePrefix"] = instanceNamePrefix,
            [$"{key}:Name"] = "ganeti-test",
            [$"{key}:Url"] = cluster.Url.ToString(),
            [$"{key}:User"] = cluster.User,
            [$"{key}:Password"] = cluster.Password,
            [$"{key}:Hypervisor"] = "fake",
            [$"{key}:Subnet"] = cluster.Subnet ?? "203.0.113.0/24",
        };
        if (cluster.Network is { } network)
        {
            settings[$"{key}:Network"] = network;
        }
        if (cluster.CertificateSha256 is { } fingerprint)
        {
            settings[$"{key}:CertificateFingerprint"] = fingerprint;
        }
        else
        {
            settings[$"{key}:InsecureSkipTlsVerify"] = "true";
        }
        (string Name, int Cpu, int RamMiB, int DiskGiB, string Template)[] flavors =
        [
            ("t2.nano", 1, 256, 0, "diskless"), ("t2.micro", 1, 512, 0, "diskless"), ("t2.small", 2, 1024, 0, "diskless"),
            ("m1.small", 1, 512, 1, "file"), ("m1.medium", 2, 1024, 1, "file"),
        ];
        for (var i = 0; i < flavors.Length; i++)
        {
            settings[$"Cyclades:Flavors:{i}:Name"] = flavors[i].Name;
            settings[$"Cyclades:Flavors:{i}:Cpu"] = $"{flavors[i].Cpu}";
            settings[$"Cyclades:Flavors:{i}:RamMiB"] = $"{flavors[i].RamMiB}";
            settings[$"Cyclades:Flavors:{i}:DiskGiB"] = $"{flavors[i].DiskGiB}";
            settings[$"Cyclades:Flavors:{i}:DiskTemplate"] = flavors[i].Template;
        }
        string[] images = ["noop-default", "noop-slow", "noop-fail"];
        for (var i = 0; i < images.Length; i++)
        {
            settings[$"Cyclades:Images:{i}:Id"] = $"ami-0000000{i + 1}";
            settings[$"Cyclades:Images:{i}:Name"] = images[i];
            settings[$"Cyclades:Images:{i}:Os"] = images[i].Replace('-', '+');
            settings[$"Cyclades:Images:{i}:OsParameters:img_id"] = images[i];
            settings[$"Cyclades:Images:{i}:OsParameters:img_format"] = "diskdump";
            settings[$"Cyclades:Images:{i}:KeyParameter"] = "img_properties";
        }
        return settings;
    }
}
