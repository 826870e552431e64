using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Walkthrough;

/// <summary>
/// The host as an operator runs it against the real test cluster (<c>ASPNETCORE_ENVIRONMENT=GanetiTest</c>): the host
/// itself loads <c>Cyclades.Host/appsettings.GanetiTest.json</c> (instance types, the noop images, the cluster); only
/// what <c>scripts/ganeti-test-cluster env</c> says of this cluster (address, credentials, certificate, network) and
/// an instance-name prefix of this run's own (to tell its instances apart and clean them up) are laid over it.
/// </summary>
public static class GanetiTestSettings
{
    public const string Environment = "GanetiTest";

    public static Dictionary<string, string?> For(GanetiTestCluster cluster, string instanceNamePrefix) =>
        new(cluster.HostSettings(0, "ganeti-test")) { ["Cyclades:Servers:InstanceNamePrefix"] = instanceNamePrefix };
}
