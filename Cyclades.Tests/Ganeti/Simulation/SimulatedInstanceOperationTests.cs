using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Tests.Ganeti.Simulation;

[Category("Unit")]
public sealed class SimulatedInstanceOperationTests
{
    [Test]
    public async Task A_created_instance_runs_with_what_was_asked()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();

        var job = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1", memoryMiB: 512) with
        {
            Nics = [new InstanceNicSpec { Ip = "10.0.0.5" }],
            Tags = ["ec2:ami:ami-1"],
        }));
        var instance = await client.Instances.GetAsync("snf-1");

        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(GanetiJobStatuses.Success));
            Assert.That(instance.Status, Is.EqualTo(GanetiInstanceStatuses.Running));
            Assert.That((instance.AdminState, instance.OperState), Is.EqualTo((GanetiAdminStates.Up, (bool?)true)));
            Assert.That(instance.BeParams!.MaxMemoryMiB, Is.EqualTo(512));
            Assert.That(instance.NicIps, Is.EqualTo(new[] { "10.0.0.5" }));
            Assert.That(instance.Tags, Is.EqualTo(new[] { "ec2:ami:ami-1" }));
            Assert.That(instance.Os, Is.EqualTo("noop+default"));
        });
    }

    [Test]
    public async Task Power_operations_change_the_admin_and_running_states()
    {
        using var client = Simulator.Cluster().Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        await client.RunAsync(c => c.Instances.ShutdownAsync("snf-1", 5));
        var stopped = await client.Instances.GetAsync("snf-1");
        await client.RunAsync(c => c.Instances.RebootAsync("snf-1", GanetiRebootTypes.Hard, 0));
        var rebooted = await client.Instances.GetAsync("snf-1");

        Assert.That(stopped.Status, Is.EqualTo(GanetiInstanceStatuses.AdminDown));
        Assert.That(rebooted.Status, Is.EqualTo(GanetiInstanceStatuses.Running), "a reboot starts a stopped instance, as on Ganeti");
    }

    [Test]
    public async Task Starting_a_running_instance_and_stopping_a_stopped_one_succeed()
    {
        using var client = Simulator.Cluster().Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        var start = await client.RunAsync(c => c.Instances.StartupAsync("snf-1"));
        await client.RunAsync(c => c.Instances.ShutdownAsync("snf-1"));
        var stopAgain = await client.RunAsync(c => c.Instances.ShutdownAsync("snf-1"));

        Assert.That((start.Status, stopAgain.Status), Is.EqualTo((GanetiJobStatuses.Success, GanetiJobStatuses.Success)));
    }

    [Test]
    public async Task Operations_on_an_unknown_instance_are_jobs_that_fail_with_unknown_entity()
    {
        using var client = Simulator.Cluster().Client();

        var remove = await client.RunAsync(c => c.Instances.DeleteAsync("does-not-exist"));
        var start = await client.RunAsync(c => c.Instances.StartupAsync("does-not-exist"));

        Assert.That(remove.FirstError, Is.EqualTo(new GanetiOpPrereqError("Instance 'does-not-exist' not known", GanetiErrorCodes.UnknownEntity)));
        Assert.That((start.FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.UnknownEntity));
    }

    [Test]
    public async Task A_second_instance_of_the_same_name_fails_with_already_exists()
    {
        using var client = Simulator.Cluster().Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        var duplicate = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        Assert.That(duplicate.FirstError, Is.EqualTo(new GanetiOpPrereqError("Instance 'snf-1' is already in the cluster", GanetiErrorCodes.AlreadyExists)));
    }

    [Test]
    public async Task A_failing_OS_install_fails_the_job_and_leaves_the_instance_stopped()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();

        var job = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.WithFileDisk("snf-1", "noop+fail")));

        Assert.That(job.FirstError, Is.TypeOf<GanetiOpExecError>());
        Assert.That(job.FirstError!.Message, Does.Contain("OS create script failed"));
        Assert.That(cluster.FindInstance("snf-1")!.Status, Is.EqualTo(GanetiInstanceStatuses.AdminDown));
    }

    [Test]
    public async Task Diskless_instances_run_no_OS_scripts()
    {
        using var client = Simulator.Cluster().Client();

        var job = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1", os: "noop+fail")));

        Assert.That(job.Status, Is.EqualTo(GanetiJobStatuses.Success));
    }

    [Test]
    public async Task A_slow_install_takes_longer()
    {
        using var client = Simulator.Cluster(latencyMs: 40, options => options.SlowInstallMs = 300).Client();

        var job = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.WithFileDisk("snf-1", "noop+slow")));

        var duration = job.EndedAt!.Value.ToDateTimeOffset() - job.ReceivedAt!.Value.ToDateTimeOffset();
        Assert.That(duration, Is.EqualTo(TimeSpan.FromMilliseconds(340)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [TestCase("noop", "OS name 'noop' must include a variant")]
    [TestCase("debootstrap+default", "OS 'debootstrap+default' not in supported OS list")]
    public async Task Unknown_operating_systems_are_refused(string os, string message)
    {
        using var client = Simulator.Cluster().Client();

        var job = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1", os: os)));

        Assert.That(job.FirstError, Is.EqualTo(new GanetiOpPrereqError(message, GanetiErrorCodes.WrongInput)));
    }

    [Test]
    public async Task The_instance_policy_and_enabled_disk_templates_are_enforced()
    {
        using var client = Simulator.Cluster().Client();

        var huge = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1", memoryMiB: 1_000_000)));
        var drbd = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-2") with { DiskTemplate = "drbd" }));

        Assert.That(huge.FirstError!.Message, Does.Contain("memory-size value 1000000 is not in range [128, 32768]"));
        Assert.That((drbd.FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.WrongInput));
    }

    [Test]
    public async Task Modifying_backend_parameters_reports_the_changes()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        var job = await client.RunAsync(c => c.Instances.ModifyAsync("snf-1", new InstanceModifyRequest
        {
            BeParams = new GanetiBeParams { VCpus = 2, MaxMemoryMiB = 512, MinMemoryMiB = 512 },
        }));

        Assert.That(job.OpResults![0].GetRawText().Replace(" ", ""), Is.EqualTo("""[["be/vcpus",2],["be/maxmem",512],["be/minmem",512]]"""));
        Assert.That(job.Ops![0].BeParams, Is.EqualTo(new GanetiBeParams { VCpus = 2, MaxMemoryMiB = 512, MinMemoryMiB = 512 }));
        Assert.That(cluster.FindInstance("snf-1")!.BeParams!.VCpus, Is.EqualTo(2));
    }

    [Test]
    public async Task Addresses_in_a_network_are_unique_and_there_is_no_pool()
    {
        using var client = Simulator.Cluster().Client();
        var nic = new InstanceNicSpec { Network = "net", Ip = "203.0.113.7" };
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1") with { Nics = [nic] }));

        var twice = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-2") with { Nics = [nic] }));
        var pool = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-3") with
        {
            Nics = [new InstanceNicSpec { Network = "net", Ip = "pool" }],
        }));

        Assert.That((twice.FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.ResourceNotUnique));
        Assert.That((pool.FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.WrongInput));
    }

    [Test]
    public async Task Running_instances_use_node_memory_and_placement_follows_free_memory()
    {
        var cluster = Simulator.Cluster(configure: options =>
        {
            options.NodeCount = 2;
            options.NodeMemoryMiB = 2048;
            options.NodeReservedMemoryMiB = 1024;
        });
        using var client = cluster.Client();

        var jobs = new List<GanetiJob>();
        foreach (var name in new[] { "snf-1", "snf-2", "snf-3" })
        {
            jobs.Add(await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless(name, memoryMiB: 768))));
        }
        var full = await client.Nodes.ListAsync();
        await client.RunAsync(c => c.Instances.ShutdownAsync("snf-1"));
        var afterShutdown = await client.Nodes.ListAsync();

        Assert.That(jobs.Take(2).Select(job => job.Status), Is.All.EqualTo(GanetiJobStatuses.Success));
        Assert.That(cluster.ListInstances().Take(2).Select(i => i.PrimaryNode).Distinct().Count(), Is.EqualTo(2), "spread by free memory");
        Assert.That((jobs[2].FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.InsufficientResources));
        Assert.That(full.Select(node => node.MemoryFreeMiB), Is.All.EqualTo(256));
        Assert.That(afterShutdown.Sum(node => node.MemoryFreeMiB), Is.EqualTo(256 + 1024));
    }

    [Test]
    public async Task A_drained_node_gets_no_new_instances()
    {
        var cluster = Simulator.Cluster(configure: options => options.NodeCount = 2);
        using var client = cluster.Client();
        var drained = (await client.Nodes.ListAsync())[0].Name;
        cluster.SetNodeDrained(drained, true);

        foreach (var name in new[] { "snf-1", "snf-2", "snf-3" })
        {
            await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless(name)));
        }

        Assert.That(cluster.ListInstances().Select(i => i.PrimaryNode), Has.None.EqualTo(drained));
        Assert.That((await client.Nodes.ListAsync()).Single(node => node.Name == drained).CanHostInstances, Is.False);
    }
}
