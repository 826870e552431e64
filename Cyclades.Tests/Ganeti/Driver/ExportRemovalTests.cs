using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Cyclades.Tests.Ganeti.Simulation;

namespace Cyclades.Tests.Ganeti.Driver;

/// <summary>
/// Removing an export through the driver: the operator's command (a real process, its arguments filled
/// in, its failure reported as the cluster being unavailable so it is tried again), none configured,
/// and the simulated cluster's administrator.
/// </summary>
[Category("Unit")]
public sealed class ExportRemovalTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ClusterExportLocation Export = new("node1", "/var/lib/ganeti/export/snf-42");

    private static GanetiClusterDriver Driver(ExportRemover? remover) =>
        new("test", Simulator.Cluster().Client(), new InstanceCreationDefaults(), exportRemover: remover);

    [Test]
    public async Task The_operators_command_runs_with_the_instance_and_node_filled_in()
    {
        var file = Path.GetTempFileName();
        try
        {
            var remover = ExportRemover.For(["sh", "-c", "echo \"$0 $1\" > \"$2\"", "{instance}", "on={node}", file], TimeSpan.FromSeconds(30));

            await Driver(remover).RemoveExportAsync(Export, None);

            Assert.That((await File.ReadAllTextAsync(file)).Trim(), Is.EqualTo("snf-42 on=node1"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task A_failing_or_missing_command_leaves_the_export_for_a_later_try_with_the_reason()
    {
        var failing = ExportRemover.For(["sh", "-c", "echo 'Failure: no master' >&2; exit 3", "{instance}"], TimeSpan.FromSeconds(30));
        var slow = ExportRemover.For(["sh", "-c", "sleep 30", "{instance}"], TimeSpan.FromMilliseconds(200));

        var failed = await Assert.ThrowsAsync<ClusterUnavailableException>(() => Driver(failing).RemoveExportAsync(Export, None));
        var timedOut = await Assert.ThrowsAsync<ClusterUnavailableException>(() => Driver(slow).RemoveExportAsync(Export, None));
        var none = await Assert.ThrowsAsync<ClusterUnavailableException>(() => Driver(null).RemoveExportAsync(Export, None));
        var notAnExport = await Assert.ThrowsAsync<ClusterRejectedException>(() => Driver(failing).RemoveExportAsync(Export with { Path = "/etc" }, None));

        Assert.That(failed!.Message, Does.Contain("exited with 3: Failure: no master"));
        Assert.That(timedOut!.Message, Does.Contain("did not finish"));
        Assert.That(none!.Message, Does.Contain("gnt-backup remove snf-42"));
        Assert.That(notAnExport!.Message, Does.Contain("not a Ganeti export directory"));
    }

    [Test]
    public async Task The_simulated_cluster_removes_it_as_gnt_backup_remove_does()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        var driver = new GanetiClusterDriver("simulated", cluster.Client(), new InstanceCreationDefaults(), exportRemover: new SimulatedExportRemover(cluster));
        var create = await driver.CreateServerAsync(new ServerBuildSpec("snf-42", 1, 512, [new DiskSpec("snf-vol-1", 1)], "file", "noop+default",
            new Dictionary<string, string>(), null, []), None);
        await client.FinishedAsync(create);
        var location = await driver.LocateExportAsync("snf-42", None);
        await client.FinishedAsync(await driver.ExportServerAsync("snf-42", location.Node, shutdown: true, None));
        Assert.That(cluster.ListExports().Select(e => e.InstanceName), Does.Contain("snf-42"));

        await driver.RemoveExportAsync(location, None);

        Assert.That(cluster.ListExports(), Is.Empty);
    }

    [Test]
    public void A_command_must_name_the_instance_and_the_timeout_be_positive()
    {
        var cluster = new GanetiClusterOptions { Name = "a", Simulated = true, ExportRemoveCommand = ["ssh", "master", "gnt-backup", "remove"], ExportRemoveTimeoutSeconds = 0 };

        Assert.That(cluster.Problems("Cyclades:Ganeti:Clusters:0"), Is.EquivalentTo(new[]
        {
            "Cyclades:Ganeti:Clusters:0:ExportRemoveTimeoutSeconds must be positive",
            "Cyclades:Ganeti:Clusters:0:ExportRemoveCommand must pass {instance} (the export's instance name) to gnt-backup remove",
        }));
    }
}
