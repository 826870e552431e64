using Cyclades.Logic.Catalog;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;

namespace Cyclades.Tests.Logic.Servers;

/// <summary>Reference §7.2: the commission of each action, from the state before the change.</summary>
[Category("Unit")]
public sealed class CommissionCalculatorTests
{
    private static readonly Flavor Example = new(1, "c2r1d20", Cpu: 2, RamMiB: 1024, DiskGiB: 20, "file", false);
    private static readonly Flavor Resized = new(2, "c4r2d20", Cpu: 4, RamMiB: 2048, DiskGiB: 20, "file", false);

    [Test]
    public void Worked_example_stop_of_a_started_server() =>
        Assert.That(
            CommissionCalculator.For(ServerAction.Stop, OperState.Started, Example),
            Is.EqualTo(Provisions.Of((QuotaResource.Cpu, -2), (QuotaResource.Ram, -1073741824))));

    [Test]
    public void Worked_example_destroy_of_a_started_server() =>
        Assert.That(
            CommissionCalculator.For(ServerAction.Destroy, OperState.Started, Example),
            Is.EqualTo(Provisions.Of(
                (QuotaResource.Vm, -1),
                (QuotaResource.TotalCpu, -2),
                (QuotaResource.Cpu, -2),
                (QuotaResource.TotalRam, -1073741824),
                (QuotaResource.Ram, -1073741824))));

    [Test]
    public void Worked_example_destroy_of_a_stopped_server() =>
        Assert.That(
            CommissionCalculator.For(ServerAction.Destroy, OperState.Stopped, Example),
            Is.EqualTo(Provisions.Of(
                (QuotaResource.Vm, -1),
                (QuotaResource.TotalCpu, -2),
                (QuotaResource.TotalRam, -1073741824))));

    [Test]
    public void Worked_example_resize_to_4_cpu_2048_mib() =>
        Assert.That(
            CommissionCalculator.For(ServerAction.Resize, OperState.Stopped, Example, Resized),
            Is.EqualTo(Provisions.Of((QuotaResource.TotalCpu, 2), (QuotaResource.TotalRam, 1073741824))));

    [Test]
    public void Resize_of_an_active_server_also_moves_the_active_resources() =>
        Assert.That(
            CommissionCalculator.For(ServerAction.Resize, OperState.Started, Resized, Example),
            Is.EqualTo(Provisions.Of(
                (QuotaResource.TotalCpu, -2), (QuotaResource.TotalRam, -1073741824),
                (QuotaResource.Cpu, -2), (QuotaResource.Ram, -1073741824))));

    [Test]
    public void Build_takes_everything()
    {
        var build = CommissionCalculator.For(ServerAction.Build, OperState.Build, Example);

        Assert.That(build, Is.EqualTo(CommissionCalculator.For(ServerAction.Destroy, OperState.Started, Example).Negate()));
    }

    // START and REBOOT add the active resources only from STOPPED (a cluster reboot starts a stopped server);
    // STOP removes them from every active state.
    [TestCase(ServerAction.Start, OperState.Stopped, 2)]
    [TestCase(ServerAction.Start, OperState.Started, 0)]
    [TestCase(ServerAction.Start, OperState.Error, 0)]
    [TestCase(ServerAction.Start, OperState.Build, 0)]
    [TestCase(ServerAction.Reboot, OperState.Stopped, 2)]
    [TestCase(ServerAction.Reboot, OperState.Started, 0)]
    [TestCase(ServerAction.Stop, OperState.Started, -2)]
    [TestCase(ServerAction.Stop, OperState.Build, -2)]
    [TestCase(ServerAction.Stop, OperState.Error, -2)]
    [TestCase(ServerAction.Stop, OperState.Stopped, 0)]
    public void Power_actions_move_only_the_active_resources(ServerAction action, OperState before, int cpu)
    {
        var provisions = CommissionCalculator.For(action, before, Example);

        Assert.That(provisions, Is.EqualTo(Provisions.Of((QuotaResource.Cpu, cpu), (QuotaResource.Ram, cpu / 2 * 1073741824L))));
    }

    [Test]
    public void Holdings_of_active_and_inactive_servers()
    {
        Assert.That(CommissionCalculator.Holdings(OperState.Error, Example), Is.EqualTo(CommissionCalculator.For(ServerAction.Build, OperState.Build, Example)));
        Assert.That(CommissionCalculator.Holdings(OperState.Stopped, Example)[QuotaResource.Cpu], Is.Zero);
        Assert.That(CommissionCalculator.Holdings(OperState.Stopped, Example)[QuotaResource.Disk], Is.Zero, "disks are volumes, commissioned on their own");
        Assert.That(VolumeQuota.Of(20), Is.EqualTo(Provisions.Of((QuotaResource.Disk, 20L << 30))));
    }

    [Test]
    public void Provisions_drop_zeros_and_add_up()
    {
        var sum = Provisions.Of((QuotaResource.Cpu, 2)).Plus(Provisions.Of((QuotaResource.Cpu, -2), (QuotaResource.Vm, 1)));

        Assert.That(sum, Is.EqualTo(Provisions.Of((QuotaResource.Vm, 1))));
        Assert.That(sum.ToString(), Is.EqualTo("{cyclades.vm: 1}"));
        Assert.That(Provisions.Of((QuotaResource.Cpu, 0)).IsEmpty, Is.True);
    }

    /// <summary>What the event processor charges (the change of holdings) is what §7.2 says for every action.</summary>
    [Test]
    public void The_change_of_holdings_equals_the_commission_of_the_action_that_causes_it()
    {
        foreach (var before in new[] { OperState.Build, OperState.Started, OperState.Stopped, OperState.Error })
        {
            Assert.That(CommissionCalculator.Change(before, Example, OperState.Started, Example), Is.EqualTo(CommissionCalculator.For(ServerAction.Start, before, Example)), $"START from {before}");
            Assert.That(CommissionCalculator.Change(before, Example, OperState.Stopped, Example), Is.EqualTo(CommissionCalculator.For(ServerAction.Stop, before, Example)), $"STOP from {before}");
            Assert.That(CommissionCalculator.Change(before, Example, null, Example), Is.EqualTo(CommissionCalculator.For(ServerAction.Destroy, before, Example)), $"DESTROY from {before}");
            Assert.That(CommissionCalculator.Change(before, Example, before, Resized), Is.EqualTo(CommissionCalculator.For(ServerAction.Resize, before, Example, Resized)), $"RESIZE in {before}");
        }
        Assert.That(CommissionCalculator.Change(OperState.Stopped, Example, OperState.Started, Example), Is.EqualTo(CommissionCalculator.For(ServerAction.Reboot, OperState.Stopped, Example)));
        Assert.That(CommissionCalculator.Change(OperState.Build, Example, OperState.Error, Example).IsEmpty, Is.True, "a failed build keeps its quota");
    }
}
