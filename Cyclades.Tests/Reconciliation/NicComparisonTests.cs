using Cyclades.Logic.Backends;
using Cyclades.Logic.Networks;

namespace Cyclades.Tests.Reconciliation;

/// <summary>The rules by which a server's ports are compared with its instance's NICs, one row per case.</summary>
[Category("Unit")]
public sealed class NicComparisonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> Live = new HashSet<string> { "snf-net-5" };

    /// <summary>Ports as (id, index, address, MAC, state); NICs as (name, ip, network, MAC); differences as "Kind port@index".</summary>
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("named NICs: nothing",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active), (2, 1, "192.168.5.2", "aa:02", PortState.Active)],
            [("snf-nic-1", "10.0.0.2", null, "aa:01"), ("snf-nic-2", "192.168.5.2", "snf-net-5", "aa:02")]);
        yield return Case("an unnamed NIC nobody stands for is unknown",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active)], [("snf-nic-1", "10.0.0.2", null, "aa:01"), (null, "10.0.0.9", null, "aa:09")],
            "Unknown -@1");
        yield return Case("an unnamed NIC is the port with its MAC",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active), (2, 1, "10.0.0.3", "aa:02", PortState.Active)],
            [("snf-nic-1", "10.0.0.2", null, "aa:01"), (null, null, null, "aa:02")]);
        yield return Case("else the port with its address",
            [(1, 0, "10.0.0.2", null, PortState.Active)], [(null, "10.0.0.2", null, "aa:77")]);
        yield return Case("else the port at its index (an adopted NIC whose address another holds)",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active), (2, 1, null, null, PortState.Error)],
            [("snf-nic-1", "10.0.0.2", null, "aa:01"), (null, "10.0.0.2", null, "aa:02")]);
        yield return Case("a port without its NIC is missing",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active), (2, 1, "10.0.0.3", "aa:02", PortState.Active)],
            [("snf-nic-1", "10.0.0.2", null, "aa:01")], "Missing 2@-");
        yield return Case("a NIC named after a port that is not the server's is unknown, and does not take a port by MAC",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active)], [("snf-nic-99", "10.0.0.2", null, "aa:01")], "Unknown -@0", "Missing 1@-");
        yield return Case("a NIC on a deleted subnet's network is reported with its port",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active), (2, 1, "192.168.6.2", "aa:02", PortState.Active)],
            [("snf-nic-1", "10.0.0.2", null, "aa:01"), ("snf-nic-2", "192.168.6.2", "snf-net-6", "aa:02")], "UnknownNetwork 2@1");
        yield return Case("an unknown NIC on a network that is not ours is only that",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active)], [("snf-nic-1", "10.0.0.2", null, "aa:01"), (null, null, "lab-net", "aa:09")],
            "UnknownNetwork -@1");
        yield return Case("a port on its way: nothing is compared",
            [(1, 0, "10.0.0.2", "aa:01", PortState.Active), (2, 1, "10.0.0.3", null, PortState.Build)], [(null, null, "lab-net", "aa:09")]);
    }

    [TestCaseSource(nameof(Cases))]
    public void Differences(IReadOnlyList<Port> ports, IReadOnlyList<ClusterNic> nics, string[] expected) =>
        Assert.That(NicComparison.Compare(ports, nics, Live).Select(Show), Is.EquivalentTo(expected));

    private static TestCaseData Case(string name, (long Id, int Index, string? Address, string? Mac, PortState State)[] ports,
        (string? Name, string? Ip, string? Network, string? Mac)[] nics, params string[] expected) =>
        new TestCaseData(
            ports.Select(p => new Port(p.Id, "user-1", 10, 1, p.Index, p.Address, p.Mac, p.State, "", true, true, At, At)).ToList(),
            nics.Select(n => new ClusterNic(n.Name, n.Ip, n.Network, n.Mac)).ToList(),
            expected) { TestName = name };

    private static string Show(NicDifference d) => $"{d.Kind} {d.Port?.Id.ToString() ?? "-"}@{d.Index?.ToString() ?? "-"}";
}
